package io.cardwatch.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers every record on the dead-letter topic carries, so that an operator can see why it was set
 * aside and where it came from, and replay it once the cause is fixed. The record keeps its original key
 * and value bytes untouched.
 */
public final class DeadLetters {

    /** What went wrong, as a stable code (for example {@code UNDESERIALIZABLE}, {@code TOO_OLD}). */
    public static final String CAUSE = "cardwatch.dead-letter.cause";
    /** The exception class and message, for people. */
    public static final String ERROR = "cardwatch.dead-letter.error";
    public static final String SOURCE_TOPIC = "cardwatch.dead-letter.source-topic";
    public static final String SOURCE_PARTITION = "cardwatch.dead-letter.source-partition";
    public static final String SOURCE_OFFSET = "cardwatch.dead-letter.source-offset";

    private DeadLetters() {
    }

    /** Adds the dead-letter headers to {@code headers}. */
    public static Headers describe(Headers headers, String cause, String error, String sourceTopic, int partition,
                                   long offset) {
        return headers
                .add(CAUSE, bytes(cause))
                .add(ERROR, bytes(error))
                .add(SOURCE_TOPIC, bytes(sourceTopic))
                .add(SOURCE_PARTITION, bytes(Integer.toString(partition)))
                .add(SOURCE_OFFSET, bytes(Long.toString(offset)));
    }

    /** The value of a header as text, or null when the record does not carry it. */
    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
