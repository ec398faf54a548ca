package io.cardwatch.detector.rules;

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
final class LargeAmountRule extends Rule {

    static final String CODE = "LARGE_AMOUNT";
    /** The default of {@code large-amount-points}: the one rule whose weight is also a setting. */
    static final int POINTS = 400;

    private final BigDecimal limit;
    private final Set<String> currencies;
    private final int coldStartTransactions;

    LargeAmountRule(BigDecimal limit, Set<String> currencies, int points, int coldStartTransactions) {
        super(CODE, points);
        this.limit = limit;
        this.currencies = Set.copyOf(currencies);
        this.coldStartTransactions = coldStartTransactions;
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
