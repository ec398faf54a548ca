package io.cardwatch.detector.backtest;

import io.cardwatch.events.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line: scores a labelled history with the detector's own scoring and configuration, and measures
 * the decisions against the labels, for the rule set in force, a proposed one beside it, and a sweep of
 * review thresholds. See docs/backtest.md.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Scores a labelled history as the detector would and measures its decisions against the labels.")
public final class BacktestMain implements Callable<Integer> {

    static final String LIVE = "live";
    static final String PROPOSED = "proposed";

    @Mixin
    private HistoryOptions history;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rule set (fraud-rules JSON) to score with instead of the detector's default one.")
    private Path rules;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "A proposed rule set (fraud-rules JSON) to report beside the live one.")
    private Path compare;

    @Option(names = "--lists", paramLabel = "FILE",
            description = "Card and merchant list entries to score under (JSON lines with the card-lists key).")
    private Path lists;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "Write the decision on each transaction under the live rule set to this CSV file.")
    private Path decisions;

    @Option(names = "--thresholds", split = ",", paramLabel = "N",
            defaultValue = "100,150,200,250,300,350,400,450,500,550,600,650,700,750,800,850,900",
            description = "Review thresholds to sweep the live rule set over.")
    private List<Integer> thresholds;

    @Spec
    private CommandSpec spec;

    private BacktestMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line, printing to the standard streams, and returns its exit code: 0, 1 when it failed, 2 for a usage error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        return Commands.run(new BacktestMain(), out, err, args);
    }

    @Override
    public Integer call() throws IOException {
        ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut());
        History labelled = history.read();
        printer.history(history.file(), labelled);
        try (DetectorScoring detector = DetectorScoring.start()) {
            Map<String, RuleSet> ruleSets = new LinkedHashMap<>();
            ruleSets.put(LIVE, rules == null ? detector.defaultRuleSet() : detector.ruleSetIn(rules));
            if (compare != null) {
                ruleSets.put(PROPOSED, detector.ruleSetIn(compare));
            }
            RuleSet live = ruleSets.get(LIVE);
            // Checked before any scoring, so that a bad threshold fails at once rather than after the runs.
            List<RuleSet> swept = thresholds.stream()
                    .map(threshold -> detector.checked(ThresholdSweep.reviewingFrom(live, threshold),
                            "The live rule set reviewing from " + threshold))
                    .toList();

            Backtest backtest = new Backtest(detector.scoring(),
                    lists == null ? ListEntries.NONE : ListEntries.read(lists));
            Map<String, BacktestRun> runs = new LinkedHashMap<>();
            ruleSets.forEach((name, ruleSet) -> {
                BacktestRun run = backtest.run(labelled.transactions(), ruleSet);
                printer.run(name, ruleSet, run);
                runs.put(name, run);
            });
            Map<String, BacktestReport> reports = each(runs, run -> BacktestReport.of(run.results()));
            printer.overall(each(reports, BacktestReport::overall));
            printer.reasons(each(reports, BacktestReport::reasons));
            printer.scenarios(each(reports, BacktestReport::scenarios));
            printer.sweep(LIVE, live, new ThresholdSweep(backtest).run(labelled.transactions(), swept));
            if (decisions != null) {
                List<TransactionResult> results = runs.get(LIVE).results();
                DecisionsFile.write(decisions, results);
                printer.decisionsWritten(decisions, results.size());
            }
        }
        return 0;
    }

    private static <A, B> Map<String, B> each(Map<String, A> byRuleSet, Function<A, B> figure) {
        Map<String, B> figures = new LinkedHashMap<>();
        byRuleSet.forEach((name, value) -> figures.put(name, figure.apply(value)));
        return figures;
    }
}
