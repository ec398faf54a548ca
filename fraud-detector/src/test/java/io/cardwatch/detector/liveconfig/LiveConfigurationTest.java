package io.cardwatch.detector.liveconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardwatch.detector.DetectorContextTest;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The detector on a real broker: a rule set published on {@code fraud-rules} and a card blocklisted on
 * {@code card-lists} change the very next decision, and an unreadable or invalid rule set or list entry is set
 * aside, not applied, while the detector goes on.
 */
@MicronautTest
class LiveConfigurationTest extends DetectorContextTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KafkaStreams streams;

    @Test
    void aPublishedRuleSetAndABlocklistingChangeTheNextDecision() throws Exception {
        Decision before = scored(casinoPurchase("live-tx-1", "card-rules"));
        assertThat(before.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(before.rulesVersion()).isEqualTo("1");

        publish(Topics.FRAUD_RULES, RuleSet.ACTIVE_KEY, new RuleSet("2", 100, 900, Map.of(), Set.of()));
        await(() -> Optional.ofNullable(ruleSets().get(RuleSet.ACTIVE_KEY)).map(RuleSet::version).orElse(""),
                "2"::equals);
        Decision afterRuleSet = scored(casinoPurchase("live-tx-2", "card-rules"));

        publish(Topics.CARD_LISTS, ListEntry.cardKey("card-rules"), new ListEntry(ListEntry.ListType.BLOCK, "stolen"));
        await(() -> cardLists().get(ListEntry.cardKey("card-rules")), Objects::nonNull);
        Decision afterBlocklisting = scored(casinoPurchase("live-tx-3", "card-rules"));

        assertThat(before.reasons()).containsExactly(
                new Reason("HIGH_RISK_MERCHANT", 150, "merchant category 7995 is high risk"));
        assertThat(afterRuleSet.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(afterRuleSet.rulesVersion()).isEqualTo("2");
        assertThat(afterRuleSet.reasons()).isEqualTo(before.reasons());
        assertThat(afterBlocklisting.outcome()).isEqualTo(Outcome.DECLINE);
        assertThat(afterBlocklisting.score()).isEqualTo(1000);
        // The purchase before it was reviewed under the new rule set, so this one also follows an alert.
        assertThat(afterBlocklisting.reasons()).extracting(Reason::code, Reason::points).containsExactly(
                tuple("BLOCKLISTED_CARD", 1000), tuple("HIGH_RISK_MERCHANT", 150), tuple("FOLLOWS_ALERT", 100));
        assertThat(afterBlocklisting.reasons().get(0).detail()).isEqualTo("card card-rules is blocklisted: stolen");
    }

    @Test
    void anInvalidRuleSetGoesToTheDeadLetterTopicAndIsNotApplied() throws Exception {
        RuleSet bad = new RuleSet("bad", 800, 200, Map.of(), Set.of());
        publish(Topics.FRAUD_RULES, RuleSet.ACTIVE_KEY, bad);

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(letter -> Arrays.equals(letter.value(),
                Topics.FRAUD_RULES.valueSerde().serializer().serialize(Topics.FRAUD_RULES.name(), bad)));

        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("INVALID");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("fraud-rules");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Invalid rule set: thresholds must satisfy "
                        + "1 <= reviewFrom < declineFrom <= 1000, were 800 and 200");
        assertThat(scored(casinoPurchase("live-tx-4", "card-live")).rulesVersion()).isNotEqualTo("bad");
    }

    @Test
    void anUnreadableRuleSetGoesToTheDeadLetterTopicAndTheNextRuleSetStillTakesEffect() throws Exception {
        byte[] garbage = "{\"version\": ".getBytes(StandardCharsets.UTF_8);
        RecordMetadata garbled = publish(new Topic<>(Topics.FRAUD_RULES.name(), Serdes.String(), Serdes.ByteArray()),
                RuleSet.ACTIVE_KEY, garbage);

        // The defaults as a rule set: applied after the unreadable one, and no change for the other tests.
        publish(Topics.FRAUD_RULES, RuleSet.ACTIVE_KEY, new RuleSet("1", 300, 700, Map.of(), Set.of()));
        await(() -> Optional.ofNullable(ruleSets().get(RuleSet.ACTIVE_KEY)).map(RuleSet::version).orElse(""),
                "1"::equals);
        Decision afterwards = scored(casinoPurchase("live-tx-7", "card-live"));

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(letter -> Arrays.equals(letter.value(), garbage));
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("UNDESERIALIZABLE");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "org.apache.kafka.common.errors.SerializationException: Cannot read RuleSet from topic fraud-rules");
        assertThat(coordinates(deadLetter)).isEqualTo("fraud-rules/" + garbled.partition() + "/" + garbled.offset());
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(afterwards.rulesVersion()).isEqualTo("1");
    }

    @Test
    void anUnreadableTransactionGoesToTheDeadLetterTopicAndTheNextOneIsScored() throws Exception {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        publish(new Topic<>(Topics.TRANSACTIONS.name(), Serdes.String(), Serdes.ByteArray()), "card-poison", garbage);

        Decision next = scored(casinoPurchase("live-tx-5", "card-live"));

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(letter -> Arrays.equals(letter.value(), garbage));
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("UNDESERIALIZABLE");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("transactions");
        assertThat(deadLetterHeaders(deadLetter)).containsExactly(DeadLetters.CAUSE, DeadLetters.ERROR,
                DeadLetters.SOURCE_TOPIC, DeadLetters.SOURCE_PARTITION, DeadLetters.SOURCE_OFFSET);
        assertThat(next.transactionId()).isEqualTo("live-tx-5");
    }

    @Test
    void anUnreadableListEntryGoesToTheDeadLetterTopicAndTheNextEntryStillTakesEffect() throws Exception {
        byte[] key = ListEntry.cardKey("card-listed").getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "{\"list\": \"BLOCK\"".getBytes(StandardCharsets.UTF_8);
        RecordMetadata garbled = publish(new Topic<>(Topics.CARD_LISTS.name(), Serdes.ByteArray(), Serdes.ByteArray()),
                key, garbage);

        publish(Topics.CARD_LISTS, ListEntry.cardKey("card-listed"), new ListEntry(ListEntry.ListType.BLOCK, "stolen"));
        await(() -> cardLists().get(ListEntry.cardKey("card-listed")), Objects::nonNull);
        Decision afterwards = scored(groceries("live-tx-6", "card-listed"));

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(letter -> Arrays.equals(letter.value(), garbage));
        assertThat(deadLetter.key()).isEqualTo(key);
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("UNDESERIALIZABLE");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "org.apache.kafka.common.errors.SerializationException: Cannot read ListEntry from topic card-lists");
        assertThat(coordinates(deadLetter)).isEqualTo("card-lists/" + garbled.partition() + "/" + garbled.offset());
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(afterwards.outcome()).isEqualTo(Outcome.DECLINE);
        assertThat(afterwards.reasons()).containsExactly(
                new Reason("BLOCKLISTED_CARD", 1000, "card card-listed is blocklisted: stolen"));
    }

    @Test
    void aListEntryBreakingTheContractGoesToTheDeadLetterTopic() throws Exception {
        RecordMetadata invalid = publish(Topics.CARD_LISTS, "card-unprefixed",
                new ListEntry(ListEntry.ListType.BLOCK, "key without its kind"));

        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(letter -> "card-unprefixed".equals(
                new String(letter.key(), StandardCharsets.UTF_8)));

        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.CAUSE)).isEqualTo("INVALID");
        assertThat(DeadLetters.header(deadLetter.headers(), DeadLetters.ERROR)).isEqualTo(
                "io.cardwatch.detector.deadletter.RejectedRecordException: Invalid list entry: key must be "
                        + "card:<cardId> or merchant:<merchantId>, was 'card-unprefixed'");
        assertThat(coordinates(deadLetter)).isEqualTo("card-lists/" + invalid.partition() + "/" + invalid.offset());
        assertThat(deadLetterHeaders(deadLetter)).containsExactly(DeadLetters.CAUSE, DeadLetters.ERROR,
                DeadLetters.SOURCE_TOPIC, DeadLetters.SOURCE_PARTITION, DeadLetters.SOURCE_OFFSET);
    }

    private Decision scored(Transaction transaction) throws Exception {
        publish(Topics.TRANSACTIONS, transaction.cardId(), transaction);
        return await(() -> decisions().stream()
                .filter(decision -> decision.transactionId().equals(transaction.transactionId()))
                .findFirst()
                .orElse(null), Objects::nonNull);
    }

    private List<Decision> decisions() {
        return TopicContents.readAll(servers.broker().bootstrapServers(), Topics.DECISIONS.name(),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer()).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private ConsumerRecord<byte[], byte[]> deadLetter(Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        return await(() -> TopicContents.readAll(servers.broker().bootstrapServers(), Topics.DEAD_LETTERS.name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).stream()
                .filter(wanted)
                .findFirst()
                .orElse(null), Objects::nonNull);
    }

    /** The dead-letter headers in their order, after whatever headers the source record carried. */
    private static List<String> deadLetterHeaders(ConsumerRecord<byte[], byte[]> deadLetter) {
        return Arrays.stream(deadLetter.headers().toArray()).map(Header::key)
                .filter(key -> key.startsWith("cardwatch.dead-letter.")).toList();
    }

    private static String coordinates(ConsumerRecord<byte[], byte[]> deadLetter) {
        return DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_TOPIC) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_PARTITION) + "/"
                + DeadLetters.header(deadLetter.headers(), DeadLetters.SOURCE_OFFSET);
    }

    private ReadOnlyKeyValueStore<String, RuleSet> ruleSets() {
        return streams.store(StoreQueryParameters.fromNameAndType(LiveConfiguration.RULE_SETS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, ListEntry> cardLists() {
        return streams.store(StoreQueryParameters.fromNameAndType(LiveConfiguration.CARD_LISTS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private <K, V> RecordMetadata publish(Topic<K, V> topic, K key, V value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    /** Waits until {@code probe} gives a value {@code ready} accepts; the state stores may still be starting. */
    private static <T> T await(Supplier<T> probe, Predicate<T> ready) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(InvalidStateStoreException.class) // still rebalancing or restoring
                .until(probe::get, ready);
    }

    // Each test on its own card, so that the others' purchases add no velocity to its decisions.
    private static Transaction casinoPurchase(String id, String cardId) {
        return new Transaction(id, cardId, new BigDecimal("40.00"), "EUR", "m-1", "7995", "DE", 52.52, 13.405,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static Transaction groceries(String id, String cardId) {
        return new Transaction(id, cardId, new BigDecimal("40.00"), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
