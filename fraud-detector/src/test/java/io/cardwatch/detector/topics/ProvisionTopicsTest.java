package io.cardwatch.detector.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.embedded.FreePorts;
import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.events.Topic;
import io.cardwatch.events.TopicProvisioning;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The topic command as the chart's hook Job runs it, on a real broker. */
class ProvisionTopicsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void createsEveryTopicOfTheContractWithItsConfigsAndChangesNothingWhenRunAgain() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target", "kafka-" + System.nanoTime()), FreePorts.pick())) {
            String[] args = {"--partitions", "3", "--replication-factor", "1", "--min-insync-replicas", "1",
                    "--retention", "transactions=P7D", "--retention", "decisions=P30D"};
            Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());

            int first = run(environment, args);
            String firstOutput = out.toString();
            out.getBuffer().setLength(0);
            int second = run(environment, args);

            assertThat(first).as(err.toString()).isZero();
            assertThat(firstOutput.lines()).hasSize(10).contains(
                    "created transactions (3 partitions, replication factor 1, message.timestamp.type=LogAppendTime, "
                            + "min.insync.replicas=1, retention.ms=604800000)",
                    "created labels (3 partitions, replication factor 1, cleanup.policy=compact, min.insync.replicas=1)",
                    "9 changes on " + broker.bootstrapServers());
            assertThat(second).as(err.toString()).isZero();
            assertThat(out.toString()).isEqualTo("No change: every topic was already as asked on "
                    + broker.bootstrapServers() + System.lineSeparator());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        Topics.all().stream().map(Topic::name).toList()).allTopicNames().get();
                assertThat(topics).hasSize(Topics.all().size())
                        .allSatisfy((name, topic) -> assertThat(topic.partitions()).hasSize(3));
                for (Topic<?, ?> topic : Topics.all()) {
                    assertThat(configs(admin, topic.name())).as(topic.name())
                            .containsAllEntriesOf(topic.configs())
                            .containsEntry("min.insync.replicas", "1");
                }
                assertThat(configs(admin, "transactions")).containsEntry("retention.ms", "604800000");
                assertThat(configs(admin, "decisions")).containsEntry("retention.ms", "2592000000");
            }
        }
    }

    @Test
    void reachesKafkaWithTheClientSettingsTheChartGivesTheServices() throws IOException {
        // given the variables the chart sets for kafka.auth.mode=iam, and some that are not admin client settings
        ProvisionTopics command = new ProvisionTopics(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b-1.msk:9098",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "AWS_MSK_IAM",
                "KAFKA_SASL_JAAS_CONFIG", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "KAFKA_SASL_CLIENT_CALLBACK_HANDLER_CLASS", "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
                "KAFKA_STREAMS_DEFAULT_APPLICATION_ID", "cardwatch-fraud-detector",
                "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));

        // when
        new CommandLine(command).parseArgs("--partitions", "12", "--replication-factor", "3");

        // then
        assertThat(command.adminConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b-1.msk:9098",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "AWS_MSK_IAM",
                "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
    }

    @Test
    void takesTheCommandConfigOverTheEnvironmentAndTheBootstrapServerOverBoth(@TempDir Path dir) throws IOException {
        Path clientProperties = Files.writeString(dir.resolve("client.properties"),
                "bootstrap.servers=from-file:9096\nsecurity.protocol=SSL\n");
        ProvisionTopics command = new ProvisionTopics(Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"));

        new CommandLine(command).parseArgs("--command-config", clientProperties.toString(),
                "--bootstrap-server", "from-option:9094", "--partitions", "6", "--replication-factor", "3",
                "--min-insync-replicas", "2", "--retention", "dead-letters=P14D", "--increase-partitions");

        assertThat(command.adminConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "from-option:9094", "security.protocol", "SSL"));
        assertThat(command.provisioning()).isEqualTo(new TopicProvisioning(6, (short) 3, 2,
                Map.of("dead-letters", Duration.ofDays(14)), true));
    }

    @Test
    void refusesARetentionOnACompactedTopicInOneLine() {
        int exitCode = run(Map.of(), "--bootstrap-server", "127.0.0.1:1", "--partitions", "3",
                "--replication-factor", "1", "--retention", "labels=P7D");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("provision-topics: labels is compacted: it keeps the latest record of "
                + "each key, so a retention would never apply" + System.lineSeparator());
    }

    @Test
    void needsThePartitionsAndTheReplicationFactor() {
        int exitCode = run(Map.of(), "--bootstrap-server", "127.0.0.1:1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith(
                "Missing required options: '--partitions=N', '--replication-factor=N'");
    }

    private int run(Map<String, String> environment, String... args) {
        return Commands.run(new ProvisionTopics(environment), new PrintWriter(out, true), new PrintWriter(err, true),
                args);
    }

    private static Map<String, String> configs(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> values = new LinkedHashMap<>();
        config.entries().forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }
}
