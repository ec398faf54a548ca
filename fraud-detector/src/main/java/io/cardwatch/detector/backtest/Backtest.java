package io.cardwatch.detector.backtest;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.detector.model.Models;
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

    /** What the replay shows of each transaction it scored: its row, its card's profile before it, and its decision. */
    interface Visitor {
        void scored(LabelledTransaction row, CardProfile before, CardScoring.Scored scored);
    }

    /** Scores {@code history} under {@code ruleSet} with the rules alone. */
    BacktestRun run(List<LabelledTransaction> history, RuleSet ruleSet) {
        return run(history, ruleSet, Models.NONE);
    }

    /** Scores {@code history}, in the order given (event time, for the same decisions as online), under {@code ruleSet}. */
    BacktestRun run(List<LabelledTransaction> history, RuleSet ruleSet, Models models) {
        List<TransactionResult> results = new ArrayList<>(history.size());
        long start = System.nanoTime();
        Replay replay = replay(history, ruleSet, models,
                (row, before, scored) -> results.add(TransactionResult.of(row, scored.decision())));
        return new BacktestRun(results, replay.duplicates(), replay.refused(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** How many transactions a replay found already scored, and how many it refused as too old. */
    record Replay(long duplicates, long refused) {
    }

    /** Replays {@code history} as {@link #run} does, showing each scored transaction to {@code visitor}. */
    Replay replay(List<LabelledTransaction> history, RuleSet ruleSet, Models models, Visitor visitor) {
        Map<String, CardProfile> profiles = new HashMap<>();
        long duplicates = 0;
        long refused = 0;
        for (LabelledTransaction row : history) {
            Transaction transaction = row.transaction();
            CardProfile before = profiles.get(transaction.cardId());
            Optional<CardScoring.Scored> scored;
            try {
                scored = scoring.score(before, transaction, ruleSet, models, lists.card(transaction.cardId()),
                        lists.merchant(transaction.merchantId()));
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
            visitor.scored(row, before == null ? CardProfile.empty(transaction.cardId()) : before, scored.get());
        }
        return new Replay(duplicates, refused);
    }
}
