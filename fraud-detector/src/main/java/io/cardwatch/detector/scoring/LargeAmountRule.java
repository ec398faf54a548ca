package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The cold-start amount check: while a card has too few transactions in a currency for its own profile to
 * mean anything, an amount at or over a fixed limit is suspicious. The limit is in units of the currencies it
 * is set for (5000 euros is a large purchase, 5000 yen is not), and checks nothing in others.
 */
final class LargeAmountRule implements ScoringRule {

    static final String CODE = "LARGE_AMOUNT";

    private final BigDecimal limit;
    private final Set<String> currencies;
    private final int points;
    private final int coldStartTransactions;

    LargeAmountRule(BigDecimal limit, Set<String> currencies, int points, int coldStartTransactions) {
        this.limit = limit;
        this.currencies = Set.copyOf(currencies);
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
        boolean coldStart = !History.atLeast(evidence.profile().amountsIn(transaction.currency()).weight(),
                coldStartTransactions);
        if (!coldStart || !currencies.contains(transaction.currency()) || transaction.amount().compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of("amount " + transaction.amount().toPlainString() + " " + transaction.currency()
                + " at or over limit " + limit.toPlainString());
    }
}
