package io.cardwatch.review.alert;

import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code alerts}: the decision that needs a person, the transaction's facts (absent on alerts raised
 * before the detector carried them), and where its review stands.
 *
 * @param resolution the note of the action that last changed the status
 * @param analyst    who took that action
 */
public record Alert(
        String transactionId,
        String cardId,
        Outcome outcome,
        int score,
        List<Reason> reasons,
        Instant eventTime,
        Instant raisedAt,
        AlertStatus status,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String merchantId,
        @Nullable String merchantCategory,
        @Nullable String country,
        @Nullable String channel,
        @Nullable String resolution,
        @Nullable String analyst,
        @Nullable Instant resolvedAt) {

    public Alert {
        reasons = List.copyOf(reasons);
    }

    /** The reason codes, in the order the decision gave them. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
