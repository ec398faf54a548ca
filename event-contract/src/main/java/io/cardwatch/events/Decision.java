package io.cardwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The scored verdict on one transaction: the record on the {@code decisions} topic, keyed by card ID.
 * It repeats the transaction's facts, so that reviewers, the database and a labelled-history export need no
 * join with the transactions topic downstream. Decisions written before a fact was carried read it as null.
 * {@code models} holds what each fraud model in force made of the transaction (empty when none is).
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
        Channel channel,
        List<ModelScore> models) {

    public Decision {
        reasons = List.copyOf(reasons);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** A decision no model scored. */
    public Decision(String transactionId, String cardId, Outcome outcome, int score, List<Reason> reasons,
                    BigDecimal amount, String currency, String merchantId, Instant eventTime, Instant decidedAt,
                    String rulesVersion, String merchantCategory, String country, Double latitude, Double longitude,
                    Channel channel) {
        this(transactionId, cardId, outcome, score, reasons, amount, currency, merchantId, eventTime, decidedAt,
                rulesVersion, merchantCategory, country, latitude, longitude, channel, List.of());
    }
}
