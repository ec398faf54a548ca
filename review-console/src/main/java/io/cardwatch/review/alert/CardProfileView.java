package io.cardwatch.review.alert;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The card's live profile as the detector keeps it, for a person: its short facts one per line, the whole of it
 * as JSON; or why it could not be had.
 *
 * @param unavailable why there is no profile (the detector is down, the card was never scored); null when there is
 */
public record CardProfileView(List<Fact> facts, @Nullable String json, @Nullable String unavailable) {

    public CardProfileView {
        facts = List.copyOf(facts);
    }

    static CardProfileView unavailable(String why) {
        return new CardProfileView(List.of(), null, why);
    }

    /** One top-level member of the profile. */
    public record Fact(String name, String value) {
    }
}
