package io.cardwatch.detector.scoring;

import io.cardwatch.events.Reason;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/** One explainable check on a transaction: the reason it fired, or nothing. */
interface ScoringRule {

    Optional<Reason> evaluate(Transaction transaction);
}
