package io.cardwatch.detector.scoring;

import io.cardwatch.events.Reason;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.util.Optional;

/** Flags a transaction whose amount reaches a fixed limit, whatever the card's history. */
final class LargeAmountRule implements ScoringRule {

    static final String CODE = "LARGE_AMOUNT";

    private final BigDecimal limit;
    private final int points;

    LargeAmountRule(BigDecimal limit, int points) {
        this.limit = limit;
        this.points = points;
    }

    @Override
    public Optional<Reason> evaluate(Transaction transaction) {
        if (transaction.amount().compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Reason(CODE, points, "amount " + transaction.amount().toPlainString() + " "
                + transaction.currency() + " at or over limit " + limit.toPlainString()));
    }
}
