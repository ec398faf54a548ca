package io.cardwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The scored verdict on one transaction: the record on the {@code decisions} topic, keyed by card ID.
 * It repeats the transaction facts that reviewers and the database need, so that no join is required
 * downstream.
 */
public record Decision(
        String transactionId,
        String cardId,
        Outcome outcome,
        int score,
        List<Reason> reasons,
        BigDecimal amount,
        String currency,
        String merchantId,
        Instant eventTime,
        Instant decidedAt,
        String rulesVersion) {

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
