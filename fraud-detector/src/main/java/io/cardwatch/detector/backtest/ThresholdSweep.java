package io.cardwatch.detector.backtest;

import io.cardwatch.detector.backtest.BacktestReport.Figures;
import io.cardwatch.events.RuleSet;
import java.util.List;

/**
 * The figures a rule set would give at other review thresholds, each from a rerun of the whole history rather
 * than from re-thresholding its scores: a transaction after an alert scores higher (escalation), so moving
 * the threshold changes later scores too.
 */
final class ThresholdSweep {

    /** The figures at one pair of thresholds, and how fast that rerun scored (a warm figure, after the first). */
    record Point(int reviewFrom, int declineFrom, Figures figures, double scoredPerSecond) {
    }

    private final Backtest backtest;

    ThresholdSweep(Backtest backtest) {
        this.backtest = backtest;
    }

    /**
     * {@code ruleSet} reviewing from {@code reviewFrom}: its decline threshold stays unless it would no longer
     * be above the review one.
     */
    static RuleSet reviewingFrom(RuleSet ruleSet, int reviewFrom) {
        return new RuleSet(ruleSet.version(), reviewFrom, Math.max(ruleSet.declineFrom(), reviewFrom + 1),
                ruleSet.weights(), ruleSet.disabledRules());
    }

    /** One point per rule set, in order. */
    List<Point> run(List<LabelledTransaction> history, List<RuleSet> ruleSets) {
        return ruleSets.stream()
                .map(ruleSet -> {
                    BacktestRun run = backtest.run(history, ruleSet);
                    return new Point(ruleSet.reviewFrom(), ruleSet.declineFrom(), Figures.of(run.results()),
                            run.rate());
                })
                .toList();
    }
}
