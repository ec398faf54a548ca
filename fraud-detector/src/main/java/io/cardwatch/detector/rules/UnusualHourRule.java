package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.LocalClock;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a transaction at a local hour the card does not use: hardly any of its history falls within an hour of
 * it. Not far from the card's home area, where its holder may be living by another clock: there the card's
 * being abroad is what other rules weigh. A card taken over is often used while its holder sleeps.
 */
final class UnusualHourRule extends Rule {

    static final String CODE = "UNUSUAL_HOUR";
    // An hour either side: habits are not kept to the minute.
    private static final int AROUND = 1;

    private final double minHistory;
    private final double maxShare;
    private final FarFromHomeRule farFromHome;

    UnusualHourRule(double minHistory, double maxShare, FarFromHomeRule farFromHome) {
        super(CODE, 200);
        this.minHistory = minHistory;
        this.maxShare = maxShare;
        this.farFromHome = farFromHome;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        double history = evidence.profile().habitWeight();
        if (!History.atLeast(history, minHistory) || farFromHome.evaluate(transaction, evidence).isPresent()) {
            return Optional.empty();
        }
        int hour = LocalClock.hour(transaction.eventTime(), transaction.longitude());
        double share = evidence.profile().shareOfHours(hour, AROUND);
        if (share >= maxShare) {
            return Optional.empty();
        }
        return facts("%02d:00 local time: %.1f%% of the card's %.0f transactions fall within an hour of it, limit %.1f%%",
                hour, share * 100, history, maxShare * 100);
    }
}
