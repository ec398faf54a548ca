package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.DailyHabit;
import io.cardwatch.detector.profile.LocalClock;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags a local day with many more transactions, this one included, than the card's usual active day, and at
 * least {@code minCount}: a quiet card suddenly busy.
 */
final class DailyCountRule implements ScoringRule {

    static final String CODE = "DAILY_COUNT";

    private final double minDays;
    private final double multiple;
    private final int minCount;

    DailyCountRule(double minDays, double multiple, int minCount) {
        this.minDays = minDays;
        this.multiple = multiple;
        this.minCount = minCount;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public int defaultPoints() {
        return 100;
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
        return Optional.of(String.format(Locale.ROOT,
                "%d transactions today, the card's usual day has %.1f (%.0f days), limit %.1f times and at least %d",
                today, usual, days.counts().weight(), multiple, minCount));
    }
}
