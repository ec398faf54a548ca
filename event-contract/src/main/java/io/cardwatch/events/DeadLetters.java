package io.cardwatch.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a {@link DeadLetter} adds to the record it sets aside, so that an operator can see why it was set
 * aside and where it came from, and replay it once the cause is fixed.
 */
public final class DeadLetters {

    /** A {@link DeadLetterCause}, by name. */
    public static final String CAUSE = "cardwatch.dead-letter.cause";
    /** The exception class and message, for people. */
    public static final String ERROR = "cardwatch.dead-letter.error";
    public static final String SOURCE_TOPIC = "cardwatch.dead-letter.source-topic";
    public static final String SOURCE_PARTITION = "cardwatch.dead-letter.source-partition";
    public static final String SOURCE_OFFSET = "cardwatch.dead-letter.source-offset";

    private DeadLetters() {
    }

    /** The value of a header as text, or null when the record does not carry it. */
    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
