package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.DailyHabit;
import io.cardwatch.detector.profile.LocalClock;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a local day with many more transactions, this one included, than the card's usual active day, and at
 * least {@code minCount}: a quiet card suddenly busy.
 */
final class DailyCountRule extends Rule {

    static final String CODE = "DAILY_COUNT";

    private final double minDays;
    private final double multiple;
    private final int minCount;

    DailyCountRule(double minDays, double multiple, int minCount) {
        super(CODE, 100);
        this.minDays = minDays;
        this.multiple = multiple;
        this.minCount = minCount;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        DailyHabit days = evidence.profile().days();
        if (!History.atLeast(days.counts().weight(), minDays)) {
            return Optional.empty();
        }
        double usual = days.counts().mean();
        int today = days.soFar(LocalClock.day(transaction.eventTime(), transaction.longitude())).count() + 1;
        if (today < minCount || today < multiple * usual) {
            return Optional.empty();
        }
        return facts("%d transactions today, the card's usual day has %.1f (%.0f days), limit %.1f times and at least %d",
                today, usual, days.counts().weight(), multiple, minCount);
    }
}
