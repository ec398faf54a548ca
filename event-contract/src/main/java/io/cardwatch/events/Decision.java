package io.cardwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The scored verdict on one transaction: the record on the {@code decisions} topic, keyed by card ID.
 * It repeats the transaction's facts, so that reviewers, the database and a labelled-history export need no
 * join with the transactions topic downstream. Decisions written before a fact was carried read it as null.
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
        String rulesVersion,
        String merchantCategory,
        String country,
        Double latitude,
        Double longitude,
        Channel channel) {

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
