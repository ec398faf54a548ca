package io.cardwatch.detector.rules;

import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * One explainable check on a transaction. It says whether it fired and the facts behind it; the points it
 * adds come from the live rule set's weights, or {@link #defaultPoints()}.
 */
public interface ScoringRule {

    /** The reason code, stable across versions: rule sets and reviewers refer to it. */
    String code();

    int defaultPoints();

    /** The facts behind the finding when the rule fires (for example {@code 7 transactions in 60 s, limit 5}). */
    Optional<String> evaluate(Transaction transaction, Evidence evidence);

    /**
     * How strongly the finding weighs, from just over 0 to 1: its points are this share of the rule's weight.
     * Most findings are all or nothing.
     */
    default double strength(Transaction transaction, Evidence evidence) {
        return 1;
    }

    /**
     * Whether the rule only weighs what other rules found: it then fires only on a transaction something else
     * was found on, and adds context to that finding rather than suspicion of its own.
     */
    default boolean amplifiesOtherFindings() {
        return false;
    }
}
