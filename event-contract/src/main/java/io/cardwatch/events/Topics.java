package io.cardwatch.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The one registry of Cardwatch topics and their serdes; nothing else names a topic. */
public final class Topics {

    /** Constant names, for annotations that need compile-time strings. */
    public static final String TRANSACTIONS_NAME = "transactions";
    public static final String DECISIONS_NAME = "decisions";
    public static final String DEAD_LETTERS_NAME = "dead-letters";

    public static final Topic<String, Transaction> TRANSACTIONS =
            new Topic<>(TRANSACTIONS_NAME, Serdes.String(), new JsonSerde<>(Transaction.class));

    public static final Topic<String, Decision> DECISIONS =
            new Topic<>(DECISIONS_NAME, Serdes.String(), new JsonSerde<>(Decision.class));

    /** Records set aside by any stage, with their original bytes and {@link DeadLetters} headers. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>(DEAD_LETTERS_NAME, Serdes.ByteArray(), Serdes.ByteArray());

    private Topics() {
    }

    /** Every topic the system owns, in the order a fresh cluster should get them. */
    public static List<Topic<?, ?>> all() {
        return List.of(TRANSACTIONS, DECISIONS, DEAD_LETTERS);
    }
}
