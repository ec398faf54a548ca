package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a card that spent more than {@code limit} in a sliding event-time window, in the transaction's
 * currency, this transaction included. Like {@link LargeAmountRule}, the limit is in units of the currencies it
 * is set for, and checks nothing in others.
 */
final class VelocityAmountRule implements ScoringRule {

    private final String code;
    private final Duration window;
    private final BigDecimal limit;
    private final Set<String> currencies;
    private final int points;

    VelocityAmountRule(String windowLabel, Duration window, BigDecimal limit, Set<String> currencies, int points) {
        this.code = "VELOCITY_AMOUNT_" + windowLabel;
        this.window = window;
        this.limit = limit;
        this.currencies = Set.copyOf(currencies);
        this.points = points;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int defaultPoints() {
        return points;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        if (!currencies.contains(transaction.currency())) {
            return Optional.empty();
        }
        BigDecimal total = evidence.profile().within(window, transaction.eventTime()).stream()
                .filter(activity -> activity.currency().equals(transaction.currency()))
                .map(Activity::amount)
                .reduce(transaction.amount(), BigDecimal::add);
        if (total.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(total.toPlainString() + " " + transaction.currency() + " in " + window.toSeconds()
                + " s, limit " + limit.toPlainString());
    }
}
