package io.cardwatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The model command on a real broker: what it publishes on {@code fraud-models}, and what it refuses to. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishModelTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private KafkaBroker broker;
    @TempDir
    Path dir;

    @BeforeAll
    void startBroker() {
        broker = KafkaBroker.withCardwatchTopics();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void publishesTheFileAsTheActiveModelByDefault() throws IOException {
        Path file = write("v1.json", TestModels.cardPresent("v1", 3, 500));

        int exitCode = run("--model", file.toString(), "--bootstrap-server", broker.bootstrapServers());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Published model v1 under key active on fraud-models: "
                + Files.size(file) + " bytes" + System.lineSeparator());
        assertThat(published()).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("active", Files.readAllBytes(file)));
    }

    @Test
    @Order(2)
    void publishesAShadowModelUnderItsOwnKey() throws IOException {
        Path file = write("s1.json", TestModels.cardPresent("s1", 2, 400));

        int exitCode = run("--shadow", "--model", file.toString(), "--bootstrap-server", broker.bootstrapServers());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Published model s1 under key shadow on fraud-models: "
                + Files.size(file) + " bytes" + System.lineSeparator());
        assertThat(published()).extracting(ConsumerRecord::key).containsExactly("active", "shadow");
        assertThat(published().get(1).value()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    @Order(3)
    void withdrawsAModelWithATombstoneUnderItsKey() {
        int exitCode = run("--withdraw", "--active", "--bootstrap-server", broker.bootstrapServers());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("Withdrew the active model: a tombstone under key active on fraud-models"
                + System.lineSeparator());
        List<ConsumerRecord<String, byte[]>> published = published();
        assertThat(published).extracting(ConsumerRecord::key).containsExactly("active", "shadow", "active");
        assertThat(published.get(2).value()).isNull();
    }

    @Test
    @Order(4)
    void refusesAModelTheDetectorWouldRefuseInOneLineAndSendsNothing() throws IOException {
        Path file = write("cycle.json", TestModels.withCycle("v-cycle"));

        int exitCode = run("--model", file.toString(), "--bootstrap-server", broker.bootstrapServers());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("publish-model: Model " + file + " would be refused by the detector: "
                + "tree 0 node 0: reached twice from the root; tree 0 node 1: reached twice from the root"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(published()).hasSize(3);
    }

    @Test
    @Order(4)
    void refusesAFileThatIsNoModelInOneLineAndSendsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("truncated.json"), "{\"version\": \"v9\", \"trees\": [");

        int exitCode = run("--shadow", "--model", file.toString(), "--bootstrap-server", broker.bootstrapServers());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("publish-model: Model " + file + " is not a FraudModel in JSON: "
                + "Unexpected end-of-input: expected close marker for Array").hasLineCount(1);
        assertThat(published()).hasSize(3);
    }

    @Test
    void takesEitherAModelOrAWithdrawalAndOneRole() {
        assertThat(run("--bootstrap-server", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: Missing required argument (specify one of these): "
                + "(--model=FILE | --withdraw)");

        assertThat(run("--withdraw", "--active", "--shadow", "--bootstrap-server", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: --active, --shadow are mutually exclusive (specify only one)");
    }

    @Test
    void reachesKafkaAsTheTopicCommandDoesWithTheSettingsAModelNeeds(@TempDir Path config) throws IOException {
        // given the variables the chart sets for kafka.auth.mode=iam, and a command config over them
        Path clientProperties = Files.writeString(config.resolve("client.properties"),
                "security.protocol=SASL_SSL\nclient.id=model-publisher\n", StandardCharsets.UTF_8);
        PublishModel command = new PublishModel(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b-1.msk:9098",
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SASL_MECHANISM", "AWS_MSK_IAM",
                "KAFKA_STREAMS_DEFAULT_APPLICATION_ID", "cardwatch-fraud-detector"));

        // when
        new CommandLine(command).parseArgs("--withdraw", "--command-config", clientProperties.toString());

        // then
        assertThat(command.producerConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b-1.msk:9098",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "AWS_MSK_IAM",
                "client.id", "model-publisher",
                "acks", "all",
                "enable.idempotence", true,
                "compression.type", "zstd",
                "max.request.size", FraudModel.MAX_PUBLISHED_BYTES));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Commands.run(new PublishModel(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, FraudModel model) throws IOException {
        return Files.write(dir.resolve(name), Topics.FRAUD_MODELS.valueSerde().serializer()
                .serialize(Topics.FRAUD_MODELS.name(), model));
    }

    /** What fraud-models holds: its keys share one of its partitions, so in the order published. */
    private List<ConsumerRecord<String, byte[]>> published() {
        return TopicContents.readAll(broker.bootstrapServers(), Topics.FRAUD_MODELS.name(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
