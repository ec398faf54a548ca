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
                .containsEntry("card-lists", Map.of("cleanup.policy", "compact"))
                .containsEntry("labels", Map.of("cleanup.policy", "compact"));
    }

    @Test
    void letsTheDetectorReadBothTransactionTopicsAndTheAnalystsLabels() {
        assertThat(permissionsOf("cardwatch-detector")).contains("`DescribeTopic`, `ReadData` on `transactions`, "
                + "`transaction-history`, `decisions`, `fraud-rules`, `card-lists` and `labels`");
    }

    @Test
    void letsTheConsolePublishLabelsAndCardListEntries() {
        assertThat(permissionsOf("cardwatch-console")).contains(
                "`DescribeTopic` and `WriteData` on `labels` and `card-lists`");
    }

    /** The IAM permissions section 4 lists for one role, with its line breaks as spaces. */
    private String permissionsOf(String role) {
        String permissions = guide.substring(guide.indexOf("- `" + role + "`:"));
        return permissions.substring(0, permissions.indexOf("\n- ")).replaceAll("\\s+", " ");
    }

    private String firstBashBlockOf(String section) {
        int start = guide.indexOf("```bash\n", guide.indexOf(section)) + "```bash\n".length();
        return guide.substring(start, guide.indexOf("```", start));
    }
}
