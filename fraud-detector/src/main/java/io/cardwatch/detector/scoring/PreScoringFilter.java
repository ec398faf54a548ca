package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.util.Optional;
import java.util.Set;

/**
 * Lets chosen transactions through unscored, such as those of test merchants or test card ranges, saying
 * why, so that they neither get flagged nor shape a real card's profile.
 */
public final class PreScoringFilter {

    static final PreScoringFilter NONE = new PreScoringFilter(Set.of(), Set.of());

    private final Set<String> merchants;
    private final Set<String> cardPrefixes;

    PreScoringFilter(Set<String> merchants, Set<String> cardPrefixes) {
        this.merchants = Set.copyOf(merchants);
        this.cardPrefixes = Set.copyOf(cardPrefixes);
    }

    /** Why {@code transaction} is not to be scored, or nothing when it is. */
    Optional<String> skipReason(Transaction transaction) {
        if (merchants.contains(transaction.merchantId())) {
            return Optional.of("merchant " + transaction.merchantId() + " is not scored");
        }
        return cardPrefixes.stream()
                .filter(prefix -> transaction.cardId().startsWith(prefix))
                .findFirst()
                .map(prefix -> "cards starting with " + prefix + " are not scored");
    }
}
