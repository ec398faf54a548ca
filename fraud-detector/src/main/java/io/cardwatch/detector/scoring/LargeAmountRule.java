package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cold-start amount check: while a card has too few transactions in a currency for its own profile to
 * mean anything, an amount at or over a fixed limit is suspicious.
 */
final class LargeAmountRule implements ScoringRule {

    static final String CODE = "LARGE_AMOUNT";

    private final BigDecimal limit;
    private final int points;
    private final int coldStartTransactions;

    LargeAmountRule(BigDecimal limit, int points, int coldStartTransactions) {
        this.limit = limit;
        this.points = points;
        this.coldStartTransactions = coldStartTransactions;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public int defaultPoints() {
        return points;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        boolean coldStart = evidence.profile().amountsIn(transaction.currency()).count() < coldStartTransactions;
        if (!coldStart || transaction.amount().compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of("amount " + transaction.amount().toPlainString() + " " + transaction.currency()
                + " at or over limit " + limit.toPlainString());
    }
}
