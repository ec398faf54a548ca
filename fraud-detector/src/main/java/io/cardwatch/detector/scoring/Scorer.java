package io.cardwatch.detector.scoring;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Transaction;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Runs every rule on a transaction and turns the points they add into a decision. */
public final class Scorer {

    static final int MAX_SCORE = 1000;

    private final List<ScoringRule> rules;
    private final int reviewFrom;
    private final int declineFrom;
    private final String rulesVersion;
    private final Clock clock;

    Scorer(List<ScoringRule> rules, int reviewFrom, int declineFrom, String rulesVersion, Clock clock) {
        this.rules = List.copyOf(rules);
        this.reviewFrom = reviewFrom;
        this.declineFrom = declineFrom;
        this.rulesVersion = rulesVersion;
        this.clock = clock;
    }

    Decision score(Transaction transaction) {
        List<Reason> reasons = rules.stream()
                .map(rule -> rule.evaluate(transaction))
                .flatMap(Optional::stream)
                .toList();
        int score = Math.min(MAX_SCORE, reasons.stream().mapToInt(Reason::points).sum());
        return new Decision(transaction.transactionId(), transaction.cardId(), outcome(score), score, reasons,
                transaction.amount(), transaction.currency(), transaction.merchantId(), transaction.eventTime(),
                clock.instant(), rulesVersion);
    }

    private Outcome outcome(int score) {
        if (score >= declineFrom) {
            return Outcome.DECLINE;
        }
        return score >= reviewFrom ? Outcome.REVIEW : Outcome.APPROVE;
    }
}
