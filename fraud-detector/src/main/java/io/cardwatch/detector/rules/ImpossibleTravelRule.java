package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.detector.profile.GreatCircle;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.util.Optional;

/**
 * Flags a card that would have had to travel faster than {@code maxSpeedKmh} (great-circle distance over
 * event-time difference) since its previous transaction. Only transactions whose location is the card's count
 * (not online ones). Hops shorter than the minimum distance are ignored: terminal coordinates are not
 * precise, and neighbouring towns minutes apart are an ordinary day.
 */
final class ImpossibleTravelRule extends Rule {

    static final String CODE = "IMPOSSIBLE_TRAVEL";
    private static final double SECONDS_PER_HOUR = 3600.0;

    private final double maxSpeedKmh;
    private final double minDistanceKm;

    ImpossibleTravelRule(double maxSpeedKmh, double minDistanceKm) {
        super(CODE, 300);
        this.maxSpeedKmh = maxSpeedKmh;
        this.minDistanceKm = minDistanceKm;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        if (!Activity.of(transaction).locatesCard()) {
            return Optional.empty();
        }
        return evidence.profile().latestLocatedAtOrBefore(transaction.eventTime()).flatMap(previous -> {
            double km = GreatCircle.km(previous.latitude(), previous.longitude(), transaction.latitude(),
                    transaction.longitude());
            long seconds = Duration.between(previous.eventTime(), transaction.eventTime()).toSeconds();
            double speed = seconds == 0 ? Double.POSITIVE_INFINITY : km / (seconds / SECONDS_PER_HOUR);
            if (km < minDistanceKm || speed <= maxSpeedKmh) {
                return Optional.empty();
            }
            return facts("%.0f km in %d s since %s: %.0f km/h, limit %.0f km/h",
                    km, seconds, previous.transactionId(), speed, maxSpeedKmh);
        });
    }
}
