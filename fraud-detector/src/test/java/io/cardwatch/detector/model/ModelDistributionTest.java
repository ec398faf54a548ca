package io.cardwatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.DetectorTestServers;
import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.embedded.FreePorts;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Decision;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.ModelScore;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models published with the model command on a real broker, as the running detector takes them: hot-swapped
 * from the next decision, refused and set aside when invalid or unreadable while the last good one stays,
 * recorded only in shadow, withdrawn by a tombstone, and in force again after a restart before the first
 * transaction is scored. Each decision is on a card of its own, so that no other purchase adds to its score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelDistributionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** sigmoid(3) and sigmoid(2): what models of leaf 3 and 2 give a card-present transaction. */
    private static final double P3 = 0.9525741268224334;
    private static final double P2 = 0.8807970779778823;
    private static final ModelScore V2_ACTIVE = new ModelScore("v2", ModelScore.Role.ACTIVE, P2, 352);
    private static final Reason V2_REASON = new Reason(ModelRisk.CODE, 352, "model v2: fraud probability 0.881 "
            + "(0.231 for a typical transaction); raised most by card_present 1 (+3.20)");

    private DetectorTestServers servers;
    private ApplicationContext detector;
    @TempDir
    Path dir;

    @BeforeAll
    void startDetector() {
        servers = DetectorTestServers.start("model-distribution");
        detector = start();
    }

    @AfterAll
    void stop() {
        try {
            if (detector != null) {
                detector.close();
            }
        } finally {
            servers.close();
        }
    }

    @Test
    @Order(1)
    void aShadowModelIsRecordedOnEachDecisionWithoutChangingItsOutcomeScoreOrReasons() throws Exception {
        // given
        Decision before = scored(groceries("model-tx-1", "card-before-shadow"));

        // when
        publish("--shadow", "--model", file(TestModels.cardPresent("s1", 2, 400)));
        awaitInForce(models -> models.shadow() != null && models.shadow().version().equals("s1"));
        Decision shadowed = scored(groceries("model-tx-2", "card-shadowed"));

        // then
        assertThat(before.models()).isEmpty();
        assertThat(shadowed.models()).containsExactly(new ModelScore("s1", ModelScore.Role.SHADOW, P2, 0));
        assertThat(shadowed.outcome()).isEqualTo(before.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(shadowed.score()).isEqualTo(before.score()).isZero();
        assertThat(shadowed.reasons()).isEqualTo(before.reasons()).isEmpty();
    }

    @Test
    @Order(2)
    void aPublishedActiveModelScoresTheNextDecisionAndANewVersionReplacesItWithoutARestart() throws Exception {
        // given
        publish("--model", file(TestModels.cardPresent("v1", 3, 500)));
        awaitInForce(models -> models.active() != null && models.active().version().equals("v1"));
        Decision first = scored(groceries("model-tx-3", "card-v1"));

        // when
        publish("--active", "--model", file(TestModels.cardPresent("v2", 2, 400)));
        awaitInForce(models -> models.active() != null && models.active().version().equals("v2"));
        Decision second = scored(groceries("model-tx-4", "card-v2"));

        // then: round(500 x 0.9526) points, which alone send the purchase to review
        assertThat(first.models()).containsExactly(new ModelScore("v1", ModelScore.Role.ACTIVE, P3, 476),
                new ModelScore("s1", ModelScore.Role.SHADOW, P2, 0));
        assertThat(first.reasons()).containsExactly(new Reason(ModelRisk.CODE, 476, "model v1: fraud probability "
                + "0.953 (0.142 for a typical transaction); raised most by card_present 1 (+4.80)"));
        assertThat(first.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(first.score()).isEqualTo(476);
        assertThat(second.models()).containsExactly(V2_ACTIVE, new ModelScore("s1", ModelScore.Role.SHADOW, P2, 0));
        assertThat(second.reasons()).containsExactly(V2_REASON);
        assertThat(second.score()).isEqualTo(352);
    }

    @Test
    @Order(3)
    void anInvalidAndAnUnreadableModelGoToTheDeadLetterTopicAndTheLastGoodOneStays() throws Exception {
        // given
        byte[] cycle = Topics.FRAUD_MODELS.valueSerde().serializer().serialize(Topics.FRAUD_MODELS.name(),
                TestModels.withCycle("v-cycle"));
        byte[] garbage = "{\"version\": ".getBytes(StandardCharsets.UTF_8);

        // when
        RecordMetadata invalid = publishRaw(FraudModel.ACTIVE_KEY, cycle);
        RecordMetadata garbled = publishRaw(FraudModel.ACTIVE_KEY, garbage);
        RecordMetadata shadow = publishRaw(FraudModel.SHADOW_KEY, Topics.FRAUD_MODELS.valueSerde().serializer()
                .serialize(Topics.FRAUD_MODELS.name(), TestModels.cardPresent("s2", 3, 500)));
        // The keys share a partition: once s2 is in force, the detector has read past both refused records.
        assertThat(shadow.partition()).isEqualTo(invalid.partition()).isEqualTo(garbled.partition());
        awaitInForce(models -> models.shadow() != null && models.shadow().version().equals("s2"));
        Decision afterwards = scored(groceries("model-tx-5", "card-after-refusals"));

        // then
        ConsumerRecord<byte[], byte[]> refused = deadLetter(cycle);
        assertThat(DeadLetters.header(refused.headers(), DeadLetters.CAUSE)).isEqualTo("INVALID");
        assertThat(DeadLetters.header(refused.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Invalid model: tree 0 node 0: reached "
                        + "twice from the root; tree 0 node 1: reached twice from the root");
        assertThat(coordinates(refused)).isEqualTo("fraud-models/" + invalid.partition() + "/" + invalid.offset());
        ConsumerRecord<byte[], byte[]> unreadable = deadLetter(garbage);
        assertThat(DeadLetters.header(unreadable.headers(), DeadLetters.CAUSE)).isEqualTo("UNDESERIALIZABLE");
        assertThat(DeadLetters.header(unreadable.headers(), DeadLetters.ERROR)).isEqualTo(
                "org.apache.kafka.common.errors.SerializationException: Cannot read FraudModel from topic fraud-models");
        assertThat(coordinates(unreadable)).isEqualTo("fraud-models/" + garbled.partition() + "/" + garbled.offset());
        assertThat(detector.getBean(KafkaStreams.class).state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(afterwards.models()).containsExactly(V2_ACTIVE, new ModelScore("s2", ModelScore.Role.SHADOW, P3, 0));
        assertThat(afterwards.reasons()).containsExactly(V2_REASON);
    }

    @Test
    @Order(4)
    void afterARestartTheModelsAreInForceBeforeTheFirstTransactionIsScored() throws Exception {
        // given: a transaction waiting while the detector is down
        detector.close();
        detector = null;
        Transaction waiting = groceries("model-tx-6", "card-after-restart");
        send(waiting);

        // when
        detector = start();
        Decision first = decisionOf(waiting);

        // then
        assertThat(first.models()).containsExactly(V2_ACTIVE, new ModelScore("s2", ModelScore.Role.SHADOW, P3, 0));
        assertThat(first.reasons()).containsExactly(V2_REASON);
    }

    @Test
    @Order(5)
    void aWithdrawnActiveModelLeavesTheDecisionsToTheRulesAndTheShadowOne() throws Exception {
        // when
        publish("--withdraw");
        awaitInForce(models -> models.active() == null);
        Decision withdrawn = scored(groceries("model-tx-7", "card-withdrawn"));

        // then
        assertThat(withdrawn.models()).containsExactly(new ModelScore("s2", ModelScore.Role.SHADOW, P3, 0));
        assertThat(withdrawn.reasons()).isEmpty();
        assertThat(withdrawn.outcome()).isEqualTo(Outcome.APPROVE);
    }

    private ApplicationContext start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.copyOf(servers.properties(Map.of(
                "micronaut.server.port", Integer.toString(FreePorts.pick())))), "test").getApplicationContext();
    }

    /** Runs the model command against the servers' broker. */
    private void publish(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withBroker = Arrays.copyOf(args, args.length + 2);
        withBroker[args.length] = "--bootstrap-server";
        withBroker[args.length + 1] = servers.broker().bootstrapServers();

        int exitCode = Commands.run(new PublishModel(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true),
                withBroker);

        assertThat(exitCode).as(err.toString()).isZero();
    }

    private String file(FraudModel model) throws IOException {
        return Files.write(dir.resolve(model.version() + ".json"), Topics.FRAUD_MODELS.valueSerde().serializer()
                .serialize(Topics.FRAUD_MODELS.name(), model)).toString();
    }

    private void awaitInForce(Predicate<Models> wanted) {
        ModelsInForce models = detector.getBean(ModelsInForce.class);
        await(models::current, wanted);
    }

    private Decision scored(Transaction transaction) throws Exception {
        send(transaction);
        return decisionOf(transaction);
    }

    private Decision decisionOf(Transaction transaction) {
        return await(() -> TopicContents.readAll(servers.broker().bootstrapServers(), Topics.DECISIONS.name(),
                        Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer())
                .stream()
                .map(ConsumerRecord::value)
                .filter(decision -> decision.transactionId().equals(transaction.transactionId()))
                .findFirst()
                .orElse(null), Objects::nonNull);
    }

    private ConsumerRecord<byte[], byte[]> deadLetter(byte[] value) {
        return await(() -> TopicContents.readAll(servers.broker().bootstrapServers(), Topics.DEAD_LETTERS.name(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer()).stream()
                .filter(letter -> Arrays.equals(letter.value(), value))
                .findFirst()
                .orElse(null), Objects::nonNull);
    }

    private static String coordinates(ConsumerRecord<byte[], byte[]> deadLetter) {
        return DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_TOPIC) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_PARTITION) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_OFFSET);
    }

    private void send(Transaction transaction) throws Exception {
        publish(Topics.TRANSACTIONS, transaction.cardId(), transaction);
    }

    /** Publishes bytes the model command would refuse to. */
    private RecordMetadata publishRaw(String key, byte[] value) throws Exception {
        return publish(new Topic<>(Topics.FRAUD_MODELS.name(), Serdes.String(), Serdes.ByteArray()), key, value);
    }

    private <K, V> RecordMetadata publish(Topic<K, V> topic, K key, V value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> ready) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(probe::get, ready);
    }

    /** An ordinary purchase of a new card, which no rule finds anything in; its channel is unknown. */
    private static Transaction groceries(String id, String cardId) {
        return new Transaction(id, cardId, new BigDecimal("40.00"), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
