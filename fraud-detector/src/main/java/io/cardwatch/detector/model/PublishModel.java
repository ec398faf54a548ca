package io.cardwatch.detector.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.detector.topics.ClientSettings;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line: publishes a trained model on {@code fraud-models} as the active or the shadow model, or withdraws
 * one. It checks the model as the detector will, so that a model the detector would refuse is never published;
 * the detector puts a published one in force without a restart. It reaches Kafka as the topic command does: the
 * {@code KAFKA_*} variables, a command config, {@code --bootstrap-server}.
 */
@Command(name = "publish-model", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Publishes a fraud model on fraud-models as the active or the shadow model, or withdraws one.")
public final class PublishModel implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @ArgGroup(exclusive = true)
    private Role role;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "The cluster's bootstrap servers; else KAFKA_BOOTSTRAP_SERVERS or the command config's.")
    private String bootstrapServer;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL), as Kafka's own tools take them; over the KAFKA_* variables.")
    private Path commandConfig;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final ModelValidator validator = new ModelValidator(Features.NAMES);

    /** A command that reads the {@code KAFKA_*} variables of {@code environment}. */
    public PublishModel(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exitCode = Commands.run(new PublishModel(System.getenv()), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String key = role != null && role.shadow ? FraudModel.SHADOW_KEY : FraudModel.ACTIVE_KEY;
        PrintWriter out = spec.commandLine().getOut();
        if (what.withdraw) {
            RecordMetadata sent = send(key, null);
            out.println("Withdrew the " + key + " model: a tombstone under key " + key + " on " + sent.topic());
            return 0;
        }
        // Checked before any connection: a refused model sends nothing.
        byte[] value = Files.readAllBytes(what.model);
        FraudModel model = checked(key, value);
        RecordMetadata sent = send(key, value);
        out.println("Published model " + model.version() + " under key " + key + " on " + sent.topic() + ": "
                + value.length + " bytes");
        return 0;
    }

    // The file's own bytes are published, as checked: fields this detector does not read reach those that do.
    private FraudModel checked(String key, byte[] value) {
        FraudModel model;
        try {
            model = Topics.FRAUD_MODELS.valueSerde().deserializer().deserialize(Topics.FRAUD_MODELS.name(), value);
        } catch (SerializationException e) {
            throw new IllegalArgumentException("Model " + what.model + " is not a FraudModel in JSON: " + reason(e), e);
        }
        List<String> problems = validator.problems(key, model);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Model " + what.model + " would be refused by the detector: "
                    + String.join("; ", problems));
        }
        return model;
    }

    // Jackson's own message runs over several lines; a refusal is told in one.
    private static String reason(SerializationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            return json.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return e.getMessage();
    }

    private RecordMetadata send(String key, byte[] value) throws IOException, InterruptedException {
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.FRAUD_MODELS.name(), key, value)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new IllegalArgumentException("Model " + what.model + " is " + value.length + " bytes, more than "
                        + Topics.FRAUD_MODELS.name() + " takes: " + e.getCause().getMessage(), e);
            }
            throw new IOException("Cannot publish on " + Topics.FRAUD_MODELS.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** How the parsed command reaches Kafka, and the producer settings a model needs. */
    Map<String, Object> producerConfig() throws IOException {
        Map<String, Object> config = ClientSettings.of(environment, commandConfig, bootstrapServer,
                ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Trees of JSON numbers shrink severalfold; the producer measures a record before compressing it, so a model
        // is at most the topic's limit in JSON.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, FraudModel.MAX_PUBLISHED_BYTES);
        return config;
    }

    private static final class What {

        @Option(names = "--model", required = true, paramLabel = "FILE",
                description = "The model to publish, in the fraud-models JSON format, as the training writes it.")
        private Path model;

        @Option(names = "--withdraw", required = true,
                description = "Withdraw the model under the key instead: with no active model, the rules alone decide.")
        private boolean withdraw;
    }

    private static final class Role {

        @Option(names = "--active", required = true,
                description = "As the active model, whose points count in decisions (the default).")
        private boolean active;

        @Option(names = "--shadow", required = true,
                description = "As the shadow model: scored and recorded on each decision, adding nothing.")
        private boolean shadow;
    }
}
