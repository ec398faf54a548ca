package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * One explainable check on a transaction. It says whether it fired and the facts behind it; the points it
 * adds come from the live rule set's weights, or {@link #defaultPoints()}.
 */
interface ScoringRule {

    /** The reason code, stable across versions: rule sets and reviewers refer to it. */
    String code();

    int defaultPoints();

    /** The facts behind the finding when the rule fires (for example {@code 7 transactions in 60 s, limit 5}). */
    Optional<String> evaluate(Transaction transaction, Evidence evidence);
}
