package io.cardwatch.review.alert;

import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One of a card's scored transactions, from {@code decisions}, with the review status of its alert if it raised
 * one.
 */
public record CardDecision(
        String transactionId,
        Outcome outcome,
        int score,
        List<Reason> reasons,
        BigDecimal amount,
        String currency,
        String merchantId,
        @Nullable String merchantCategory,
        @Nullable String country,
        @Nullable String channel,
        Instant eventTime,
        Instant decidedAt,
        @Nullable AlertStatus alertStatus) {

    public CardDecision {
        reasons = List.copyOf(reasons);
    }

    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
