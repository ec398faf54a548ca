package io.cardwatch.detector.backtest;

import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.scoring.Scorer;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a model is trained on: a labelled history replayed through the detector's own scoring (its
 * configuration, its default rule set, the lists given), and for each transaction the rules scored, the
 * {@link Features} of it against its card's profile just before, as the topology computes them online, its
 * label, its event time (to split by) and the rules' score (to choose how the model's points combine with it).
 * Transactions the detector would not score with a model (allowlisted, or let through unscored) are left out.
 */
public final class TrainingExamples {

    private static final Set<String> UNSCORED = Set.of(Scorer.ALLOWLISTED, Scorer.NOT_SCORED);

    /** One scored transaction. */
    public record Example(double[] features, boolean fraud, Instant eventTime, int rulesScore) {
    }

    /**
     * The examples in event-time order, the review threshold of the rule set they were scored under, and the
     * history's unreadable rows.
     */
    public record Examples(List<Example> examples, int reviewFrom, long unreadable) {

        public Examples {
            examples = List.copyOf(examples);
        }
    }

    private TrainingExamples() {
    }

    /** Reads the history {@code options} name and replays it under the card lists in {@code lists} (or none). */
    public static Examples read(HistoryOptions options, Path lists) throws IOException {
        History history = options.read();
        try (DetectorScoring detector = DetectorScoring.start()) {
            Backtest backtest = new Backtest(detector.scoring(), lists == null ? ListEntries.NONE : ListEntries.read(lists));
            List<Example> examples = new ArrayList<>(history.transactions().size());
            backtest.replay(history.transactions(), detector.defaultRuleSet(), Models.NONE, (row, before, scored) -> {
                Decision decision = scored.decision();
                if (decision.reasons().stream().map(Reason::code).noneMatch(UNSCORED::contains)) {
                    examples.add(new Example(Features.of(row.transaction(), before), row.fraud(),
                            row.transaction().eventTime(), decision.score()));
                }
            });
            return new Examples(examples, detector.defaultRuleSet().reviewFrom(), history.unreadable().size());
        }
    }
}
