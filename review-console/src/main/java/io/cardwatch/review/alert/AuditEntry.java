package io.cardwatch.review.alert;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One action taken on an alert, from {@code alert_actions}.
 *
 * @param before the alert's state before the action, as JSON
 * @param after  its state after it
 */
public record AuditEntry(long id, String action, String analyst, String note, @JsonRawValue String before,
                         @JsonRawValue String after, Instant actedAt) {
}
