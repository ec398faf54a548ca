package io.cardwatch.review.action;

import io.cardwatch.review.alert.Action;
import io.cardwatch.review.alert.AlertStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * What an action did: the alert's status before and after, and the record it published.
 *
 * @param topic the topic it published on; null when it published nothing (an escalation)
 * @param key   the record's key on that topic
 */
public record ActionOutcome(String transactionId, String cardId, Action action, AlertStatus statusBefore,
                            AlertStatus statusAfter, String analyst, String note, Instant actedAt,
                            @Nullable String topic, @Nullable String key) {
}
