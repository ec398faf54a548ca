package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.GreatCircle;
import io.cardwatch.detector.profile.HomeArea;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a purchase in person (or of unknown channel) far from the centre of where the card is usually used in
 * person. Holidays do this too, so it weighs little alone; with other findings it tells a cloned card abroad.
 */
final class FarFromHomeRule extends Rule {

    static final String CODE = "FAR_FROM_HOME";

    private final double minHistory;
    private final double radiusKm;

    FarFromHomeRule(double minHistory, double radiusKm) {
        super(CODE, 50);
        this.minHistory = minHistory;
        this.radiusKm = radiusKm;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        Channel channel = transaction.channel();
        HomeArea home = evidence.profile().home();
        if (channel != null && !channel.cardPresent() || !History.atLeast(home.weight(), minHistory)) {
            return Optional.empty();
        }
        double km = GreatCircle.km(home.latitude(), home.longitude(), transaction.latitude(),
                transaction.longitude());
        if (km < radiusKm) {
            return Optional.empty();
        }
        return facts("%.0f km from the card's home area (%.2f, %.2f) of %.0f purchases in person, limit %.0f km", km,
                home.latitude(), home.longitude(), home.weight(), radiusKm);
    }
}
