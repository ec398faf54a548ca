package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a card that spent more than {@code limit} in a sliding event-time window, in the transaction's
 * currency, this transaction included. Like {@link LargeAmountRule}, the limit is in units of the currencies it
 * is set for, and checks nothing in others.
 */
final class VelocityAmountRule extends Rule {

    private final Duration window;
    private final BigDecimal limit;
    private final Set<String> currencies;

    private VelocityAmountRule(String windowLabel, Duration window, BigDecimal limit, Set<String> currencies,
                               int points) {
        super("VELOCITY_AMOUNT_" + windowLabel, points);
        this.window = window;
        this.limit = limit;
        this.currencies = Set.copyOf(currencies);
    }

    /** One rule an hour and one a day, each with its limit in units of {@code currencies}. */
    static List<ScoringRule> windows(BigDecimal perHour, BigDecimal perDay, Set<String> currencies) {
        return List.of(new VelocityAmountRule("1H", Duration.ofHours(1), perHour, currencies, 150),
                new VelocityAmountRule("24H", Duration.ofHours(24), perDay, currencies, 100));
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
