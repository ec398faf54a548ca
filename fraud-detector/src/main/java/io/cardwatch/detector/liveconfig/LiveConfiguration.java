package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.detector.model.ModelsInForce;
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
 * The configuration that changes without a redeploy: the active rule set, the card and merchant lists and the
 * fraud models, each read into a global store so that every instance sees every change before its next
 * transaction.
 */
public final class LiveConfiguration {

    public static final String RULE_SETS_STORE = "rule-sets";
    public static final String CARD_LISTS_STORE = "card-lists";
    public static final String MODELS_STORE = "fraud-models";

    private LiveConfiguration() {
    }

    /** Adds the global stores to {@code builder}; the models they hold are put in force in {@code models}. */
    public static void addTo(StreamsBuilder builder, RuleSetValidator validator, ModelValidator modelValidator,
                             ModelsInForce models) {
        builder.addGlobalStore(globalStore(RULE_SETS_STORE, Topics.FRAUD_RULES.valueSerde()), Topics.FRAUD_RULES.name(),
                rawValues(Topics.FRAUD_RULES).withName("fraud-rules-source"),
                () -> new RuleSetUpdater(validator));
        builder.addGlobalStore(globalStore(CARD_LISTS_STORE, Topics.CARD_LISTS.valueSerde()), Topics.CARD_LISTS.name(),
                rawValues(Topics.CARD_LISTS).withName("card-lists-source"),
                CardListUpdater::new);
        // In memory, unlike the others: a persistent store would resume from its checkpoint on a restart, and the
        // compiled models, which live outside the store, would not be rebuilt.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MODELS_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(), Topics.FRAUD_MODELS.name(),
                rawValues(Topics.FRAUD_MODELS).withName("fraud-models-source"),
                () -> new ModelUpdater(modelValidator, models));
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
