package io.cardwatch.events;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** The one registry of Cardwatch topics and their serdes; nothing else names a topic. */
public final class Topics {

    /** Constant names, for annotations that need compile-time strings. */
    public static final String TRANSACTIONS_NAME = "transactions";
    public static final String DECISIONS_NAME = "decisions";
    public static final String DEAD_LETTERS_NAME = "dead-letters";
    public static final String ALERTS_NAME = "alerts";
    public static final String FRAUD_RULES_NAME = "fraud-rules";
    public static final String FRAUD_MODELS_NAME = "fraud-models";
    public static final String CARD_LISTS_NAME = "card-lists";
    public static final String TRANSACTION_HISTORY_NAME = "transaction-history";
    public static final String LABELS_NAME = "labels";

    /*
     * Retention of the transaction topics counts from when the broker stored a record, not from the record's own
     * timestamp: a producer that stamps records with months-old event times would otherwise see them deleted
     * before the detector read them. The event time travels in the value.
     */
    private static final Map<String, String> STORED_TIME = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            "LogAppendTime");

    public static final Topic<String, Transaction> TRANSACTIONS =
            new Topic<>(TRANSACTIONS_NAME, Serdes.String(), new JsonSerde<>(Transaction.class), STORED_TIME);

    /**
     * Past transactions loaded to warm card profiles or to score history, keyed by card like
     * {@link #TRANSACTIONS} and scored by the same processor in event time, without the live age limit.
     */
    public static final Topic<String, Transaction> TRANSACTION_HISTORY =
            new Topic<>(TRANSACTION_HISTORY_NAME, Serdes.String(), new JsonSerde<>(Transaction.class), STORED_TIME);

    public static final Topic<String, Decision> DECISIONS =
            new Topic<>(DECISIONS_NAME, Serdes.String(), new JsonSerde<>(Decision.class));

    /** Records set aside by any stage, each written by {@link DeadLetter}: the original record, then why and where from. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>(DEAD_LETTERS_NAME, Serdes.ByteArray(), Serdes.ByteArray());

    /** The decisions that need a person or a refusal: REVIEW and DECLINE, keyed by card ID. */
    public static final Topic<String, Decision> ALERTS =
            new Topic<>(ALERTS_NAME, Serdes.String(), new JsonSerde<>(Decision.class));

    /** The live scoring configuration, kept by key so that the latest one is always there to read. */
    public static final Topic<String, RuleSet> FRAUD_RULES = new Topic<>(FRAUD_RULES_NAME, Serdes.String(),
            new JsonSerde<>(RuleSet.class), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /**
     * Trained fraud models, kept by key ({@link FraudModel#ACTIVE_KEY}, {@link FraudModel#SHADOW_KEY}) like rule
     * sets. A model of a few hundred trees is megabytes of JSON: published compressed, within a larger record
     * limit than the broker's default.
     */
    public static final Topic<String, FraudModel> FRAUD_MODELS = new Topic<>(FRAUD_MODELS_NAME, Serdes.String(),
            new JsonSerde<>(FraudModel.class), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(FraudModel.MAX_PUBLISHED_BYTES)));

    /** Blocklists and allowlists of cards and merchants, kept by key. */
    public static final Topic<String, ListEntry> CARD_LISTS = new Topic<>(CARD_LISTS_NAME, Serdes.String(),
            new JsonSerde<>(ListEntry.class), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /**
     * Analysts' verdicts, kept by transaction ID so that a corrected verdict replaces the first. The detector
     * re-keys them by card into a repartition topic that inherits this topic's partition count, which must equal
     * that of {@link #TRANSACTIONS} so that a card's verdicts reach the task that holds its state.
     */
    public static final Topic<String, Label> LABELS = new Topic<>(LABELS_NAME, Serdes.String(),
            new JsonSerde<>(Label.class), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    private Topics() {
    }

    /** Every topic the system owns, in the order a fresh cluster should get them. */
    public static List<Topic<?, ?>> all() {
        return List.of(TRANSACTIONS, TRANSACTION_HISTORY, DECISIONS, DEAD_LETTERS, ALERTS, FRAUD_RULES, FRAUD_MODELS, CARD_LISTS,
                LABELS);
    }
}
