package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.DailyHabit;
import io.cardwatch.detector.profile.LocalClock;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a local day whose spend, this transaction included, is a large multiple of the card's usual active
 * day: a card being emptied spends in hours what its holder spends in a week. Spend is counted in the card's
 * first currency, and only a purchase of at least twice the card's typical amount is flagged for it.
 */
final class DailySpendRule extends Rule {

    static final String CODE = "DAILY_SPEND";
    private static final double LARGE_PURCHASE = 2;

    private final double minDays;
    private final double multiple;

    DailySpendRule(double minDays, double multiple) {
        super(CODE, 150);
        this.minDays = minDays;
        this.multiple = multiple;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        DailyHabit days = evidence.profile().days();
        if (!History.atLeast(days.spends().weight(), minDays) || !transaction.currency().equals(days.currency())) {
            return Optional.empty();
        }
        double typical = Math.exp(evidence.profile().amountsIn(transaction.currency()).mean());
        // A purchase of the usual size after a large one is not the card being emptied.
        if (transaction.amount().doubleValue() < LARGE_PURCHASE * typical) {
            return Optional.empty();
        }
        double usual = days.spends().mean();
        double today = days.soFar(LocalClock.day(transaction.eventTime(), transaction.longitude())).spend()
                + transaction.amount().doubleValue();
        if (today < multiple * usual) {
            return Optional.empty();
        }
        return facts("%.2f %s spent today, %.1f times the card's usual day of %.2f %s (%.0f days), limit %.1f times",
                today, days.currency(), today / usual, usual, days.currency(), days.spends().weight(), multiple);
    }
}
