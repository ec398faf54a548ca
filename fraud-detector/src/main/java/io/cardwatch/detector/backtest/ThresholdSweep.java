package io.cardwatch.detector.backtest;

import io.cardwatch.detector.backtest.BacktestReport.Figures;
import io.cardwatch.detector.model.Models;
import io.cardwatch.events.RuleSet;
import java.util.List;
import java.util.function.UnaryOperator;

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
    private final Models models;
    private final UnaryOperator<List<TransactionResult>> measured;

    /** Sweeps with {@code models} beside the rules, measuring the results {@code measured} keeps. */
    ThresholdSweep(Backtest backtest, Models models, UnaryOperator<List<TransactionResult>> measured) {
        this.backtest = backtest;
        this.models = models;
        this.measured = measured;
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
                    BacktestRun run = backtest.run(history, ruleSet, models);
                    return new Point(ruleSet.reviewFrom(), ruleSet.declineFrom(), Figures.of(measured.apply(run.results())),
                            run.rate());
                })
                .toList();
    }
}
