package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.ListEntry;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The configuration that changes without a redeploy: the active rule set and the card and merchant lists,
 * each read into a global store so that every instance sees every change before its next transaction.
 */
public final class LiveConfiguration {

    public static final String RULE_SETS_STORE = "rule-sets";
    public static final String CARD_LISTS_STORE = "card-lists";

    private LiveConfiguration() {
    }

    /** Adds both global stores to {@code builder}. */
    public static void addTo(StreamsBuilder builder, RuleSetValidator validator) {
        builder.addGlobalStore(globalStore(RULE_SETS_STORE, Topics.FRAUD_RULES.valueSerde()), Topics.FRAUD_RULES.name(),
                rawValues(Topics.FRAUD_RULES).withName("fraud-rules-source"),
                () -> new RuleSetUpdater(validator));
        builder.addGlobalStore(globalStore(CARD_LISTS_STORE, Topics.CARD_LISTS.valueSerde()), Topics.CARD_LISTS.name(),
                rawValues(Topics.CARD_LISTS).withName("card-lists-source"),
                CardListUpdater::new);
    }

    // The updaters read the values themselves: a record Kafka Streams cannot deserialize in the global thread
    // stops the whole client (its dead-letter route fails there), and would again on every restart.
    private static Consumed<String, byte[]> rawValues(Topic<String, ?> topic) {
        return Consumed.with(topic.keySerde(), Serdes.ByteArray());
    }

    // Global stores are restored from their topic, so a changelog would only duplicate it.
    private static <V> StoreBuilder<KeyValueStore<String, V>> globalStore(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled();
    }

    /** Where the record being processed comes from, for logs. */
    static String position(ProcessorContext<?, ?> context) {
        return context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
                .orElse("unknown position");
    }

    /** The active rule set, or {@code fallback} until a valid one has been published. */
    public static RuleSet activeRuleSet(KeyValueStore<String, RuleSet> store, RuleSet fallback) {
        RuleSet active = store.get(RuleSet.ACTIVE_KEY);
        return active == null ? fallback : active;
    }

    /** The list entry of a card, or null. */
    public static ListEntry cardEntry(KeyValueStore<String, ListEntry> store, String cardId) {
        return store.get(ListEntry.cardKey(cardId));
    }

    /** The list entry of a merchant, or null. */
    public static ListEntry merchantEntry(KeyValueStore<String, ListEntry> store, String merchantId) {
        return store.get(ListEntry.merchantKey(merchantId));
    }
}
