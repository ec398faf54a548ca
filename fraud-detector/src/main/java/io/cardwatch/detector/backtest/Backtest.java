package io.cardwatch.detector.backtest;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.scoring.CardScoring;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a labelled history as the detector would, with no Kafka: each transaction in turn through the
 * detector's own {@link CardScoring}, against its card's profile, kept in memory as the topology keeps it in
 * its state store, under the card and merchant lists given.
 */
final class Backtest {

    private final CardScoring scoring;
    private final ListEntries lists;

    Backtest(CardScoring scoring) {
        this(scoring, ListEntries.NONE);
    }

    Backtest(CardScoring scoring, ListEntries lists) {
        this.scoring = scoring;
        this.lists = lists;
    }

    /** Scores {@code history}, in the order given (event time, for the same decisions as online), under {@code ruleSet}. */
    BacktestRun run(List<LabelledTransaction> history, RuleSet ruleSet) {
        Map<String, CardProfile> profiles = new HashMap<>();
        List<TransactionResult> results = new ArrayList<>(history.size());
        long duplicates = 0;
        long refused = 0;
        long start = System.nanoTime();
        for (LabelledTransaction row : history) {
            Transaction transaction = row.transaction();
            Optional<CardScoring.Scored> scored;
            try {
                scored = scoring.score(profiles.get(transaction.cardId()), transaction, ruleSet,
                        lists.card(transaction.cardId()), lists.merchant(transaction.merchantId()));
            } catch (RejectedRecordException e) {
                if (e.cause() != DeadLetterCause.TOO_OLD) {
                    throw e;
                }
                refused++;
                continue;
            }
            if (scored.isEmpty()) {
                duplicates++;
                continue;
            }
            profiles.put(transaction.cardId(), scored.get().profile());
            results.add(TransactionResult.of(row, scored.get().decision()));
        }
        return new BacktestRun(results, duplicates, refused, Duration.ofNanos(System.nanoTime() - start));
    }
}
