package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.FraudMark;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags every transaction of a card an analyst confirmed in the wrong hands (a fraud verdict on the
 * {@code labels} topic), until a legitimate verdict lifts the mark.
 */
final class ConfirmedFraudRule extends Rule {

    static final String CODE = "CONFIRMED_FRAUD";

    ConfirmedFraudRule() {
        super(CODE, 1000);
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        FraudMark mark = evidence.profile().mark();
        if (mark == null) {
            return Optional.empty();
        }
        return Optional.of("card confirmed as fraud by " + mark.analyst() + " on " + mark.transactionId() + " ("
                + mark.eventTime() + ")");
    }
}
