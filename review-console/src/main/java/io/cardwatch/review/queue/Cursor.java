package io.cardwatch.review.queue;

import io.cardwatch.review.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of the queue ended: the last alert's position in the queue's order (score, raised, transaction
 * ID), so that the next page starts right after it with an index seek, however deep, instead of counting rows
 * with OFFSET. Opaque to clients: base64url of {@code score|raisedAt|transactionId}.
 */
record Cursor(int score, Instant raisedAt, String transactionId) {

    static Cursor after(Alert alert) {
        return new Cursor(alert.score(), alert.raisedAt(), alert.transactionId());
    }

    String encode() {
        String plain = score + "|" + raisedAt + "|" + transactionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new InvalidQueueQueryException("cursor", "is not a cursor of this queue");
            }
            return new Cursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueueQueryException("cursor", "is not a cursor of this queue");
        }
    }
}
