package io.cardwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.topics.ProvisionTopics;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/deploy-eks.md is followed by hand on a real cluster: its commands are checked against the chart and the code. */
class DeployGuideTest {

    private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|[^\\s\"]+");

    private final String guide = Repository.read(Repository.DEPLOY_GUIDE);

    @Test
    void runsTheTopicCommandByHandWithTheSettingsOfTheProductionJob() {
        // given the command of section 3, as the shell splits it
        List<String> words = shellWords(bashBlockOf("## 3. Topics", ProvisionTopics.class.getName()));
        List<String> arguments = words.subList(words.indexOf(ProvisionTopics.class.getName()) + 1, words.size());

        // when the detector's command line reads it
        ProvisionTopics byHand = new ProvisionTopics(Map.of());
        new CommandLine(byHand).parseArgs(arguments.toArray(String[]::new));

        // then it asks for what the hook Job asks with the production values
        assertThat(words.subList(0, 3)).containsExactly("java", "-cp",
                "fraud-detector/target/classes:$(cat fraud-detector/target/runtime-classpath.txt)");
        assertThat(arguments).contains("--bootstrap-server", "--command-config");
        assertThat(byHand.provisioning()).isEqualTo(ChartTopicsJobTest.productionJob().provisioning());
    }

    /** The words of a command as the shell splits them: continuation lines joined, a double-quoted word kept whole. */
    private static List<String> shellWords(String command) {
        return WORD.matcher(command.replace("\\\n", " ")).results()
                .map(word -> word.group().replace("\"", ""))
                .toList();
    }

    /** The line of a bash block of {@code section} that holds {@code text}, with its continuation lines. */
    private String bashBlockOf(String section, String text) {
        int start = guide.indexOf(section);
        int end = guide.indexOf("\n## ", start + section.length());
        for (String block : guide.substring(start, end).split("```bash\n")) {
            String code = block.contains("```") ? block.substring(0, block.indexOf("```")) : "";
            int at = code.indexOf(text);
            if (at >= 0) {
                int lineStart = code.lastIndexOf('\n', code.lastIndexOf("java -cp", at)) + 1;
                return code.substring(lineStart);
            }
        }
        throw new AssertionError("no bash block with " + text + " in " + section);
    }
}
