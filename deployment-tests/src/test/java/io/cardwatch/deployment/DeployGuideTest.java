package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/deploy-eks.md is followed by hand on a real cluster: its commands are checked against the event contract. */
class DeployGuideTest {

    private final String guide = Repository.read(Repository.DEPLOY_GUIDE);

    @Test
    void createsEveryTopicOfTheEventContractWithEachOfItsConfigs() {
        TopicScript script = new TopicScript(firstBashBlockOf("## 3. Topics"));

        assertThat(script.configsByTopic())
                .containsExactlyEntriesOf(TopicScript.ofEventContract())
                .containsEntry("transactions", Map.of("message.timestamp.type", "LogAppendTime"))
                .containsEntry("transaction-history", Map.of("message.timestamp.type", "LogAppendTime"))
                .containsEntry("card-lists", Map.of("cleanup.policy", "compact"));
    }

    @Test
    void letsTheDetectorReadBothTransactionTopics() {
        String detector = guide.substring(guide.indexOf("- `cardwatch-detector`:"));
        detector = detector.substring(0, detector.indexOf("\n- "));

        assertThat(detector.replaceAll("\\s+", " ")).contains(
                "`DescribeTopic`, `ReadData` on `transactions`, `transaction-history` and `decisions`");
    }

    private String firstBashBlockOf(String section) {
        int start = guide.indexOf("```bash\n", guide.indexOf(section)) + "```bash\n".length();
        return guide.substring(start, guide.indexOf("```", start));
    }
}
