package io.cardwatch.detector.rules;

import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Escalation across a spree: a transaction shortly after an alert on the same card, on which other rules found
 * something, is scored with that context, so that an episode is caught as a whole and not only its first
 * purchase.
 */
final class FollowsAlertRule extends Rule {

    static final String CODE = "FOLLOWS_ALERT";

    private final Duration window;

    FollowsAlertRule(Duration window) {
        super(CODE, 100);
        this.window = window;
    }

    // A card's ordinary purchases after a false alert stay ordinary; only what is itself odd is escalated.
    @Override
    public boolean amplifiesOtherFindings() {
        return true;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        Instant alert = evidence.profile().lastAlertTime();
        if (alert == null || transaction.eventTime().isBefore(alert)
                || transaction.eventTime().isAfter(alert.plus(window))) {
            return Optional.empty();
        }
        return Optional.of("follows an alert on this card " + Duration.between(alert, transaction.eventTime())
                .toSeconds() + " s earlier, window " + window.toSeconds() + " s");
    }
}
