package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags the first use of a card in a country, once the card has a history elsewhere. Only where the location is
 * the card's: buying online from a merchant abroad is an ordinary thing to do.
 */
final class NewCountryRule extends Rule {

    static final String CODE = "NEW_COUNTRY";

    NewCountryRule() {
        super(CODE, 150);
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        var countries = evidence.profile().countries();
        if (!Activity.of(transaction).locatesCard() || countries.isEmpty() || countries.contains(transaction.country())) {
            return Optional.empty();
        }
        return Optional.of("first transaction in " + transaction.country() + ", seen before in " + countries);
    }
}
