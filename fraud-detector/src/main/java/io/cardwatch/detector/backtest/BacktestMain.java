package io.cardwatch.detector.backtest;

import io.cardwatch.detector.model.ModelRisk;
import io.cardwatch.detector.model.Models;
import io.cardwatch.events.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    static final String RULES = "rules";
    static final String MODEL = "model";
    static final String RULES_AND_MODEL = "rules+model";

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

    @Option(names = "--model", paramLabel = "FILE",
            description = "A trained model (fraud-models JSON) to score with: rules alone, the model alone and both "
                    + "are reported side by side.")
    private Path model;

    @Option(names = "--measure-from", paramLabel = "TIME",
            description = "Measure only transactions from this event time on (ISO-8601), e.g. those after a model's "
                    + "training period; the earlier ones still build the cards' profiles.")
    private Instant measureFrom;

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
            RuleSet live = rules == null ? detector.defaultRuleSet() : detector.ruleSetIn(rules);
            Models models = model == null ? Models.NONE : new Models(detector.modelIn(model), null);
            Map<String, Scoring> scorings = new LinkedHashMap<>();
            if (model == null) {
                scorings.put(LIVE, new Scoring(live, Models.NONE));
            } else {
                scorings.put(RULES, new Scoring(live, Models.NONE));
                scorings.put(MODEL, new Scoring(detector.checked(modelAlone(live, detector.ruleCodes()),
                        "The live rule set with only " + ModelRisk.CODE), models));
                scorings.put(RULES_AND_MODEL, new Scoring(live, models));
            }
            if (compare != null) {
                scorings.put(PROPOSED, new Scoring(detector.ruleSetIn(compare), models));
            }
            // Checked before any scoring, so that a bad threshold fails at once rather than after the runs.
            List<RuleSet> sweep = thresholds.stream()
                    .map(threshold -> detector.checked(ThresholdSweep.reviewingFrom(live, threshold),
                            "The live rule set reviewing from " + threshold))
                    .toList();

            Backtest backtest = new Backtest(detector.scoring(),
                    lists == null ? ListEntries.NONE : ListEntries.read(lists));
            Map<String, BacktestRun> runs = new LinkedHashMap<>();
            scorings.forEach((name, scoring) -> {
                BacktestRun run = backtest.run(labelled.transactions(), scoring.ruleSet(), scoring.models());
                printer.run(name, scoring.ruleSet(), scoring.models(), run);
                runs.put(name, run);
            });
            printer.measured(measureFrom);
            Map<String, BacktestReport> reports = each(runs, run -> BacktestReport.of(measured(run.results())));
            printer.overall(each(reports, BacktestReport::overall));
            printer.reasons(each(reports, BacktestReport::reasons));
            printer.scenarios(each(reports, BacktestReport::scenarios));
            String swept = model == null ? LIVE : RULES_AND_MODEL;
            printer.sweep(swept, live, new ThresholdSweep(backtest, models, this::measured)
                    .run(labelled.transactions(), sweep));
            if (decisions != null) {
                List<TransactionResult> results = runs.get(swept).results();
                DecisionsFile.write(decisions, results);
                printer.decisionsWritten(decisions, results.size());
            }
        }
        return 0;
    }

    /** A rule set and the models it scores beside. */
    private record Scoring(RuleSet ruleSet, Models models) {
    }

    // The model alone: every rule disabled but the model's reason, under the same thresholds.
    private static RuleSet modelAlone(RuleSet live, Set<String> codes) {
        Set<String> disabled = new TreeSet<>(codes);
        disabled.remove(ModelRisk.CODE);
        return new RuleSet(live.version(), live.reviewFrom(), live.declineFrom(), live.weights(), disabled);
    }

    private List<TransactionResult> measured(List<TransactionResult> results) {
        return measureFrom == null ? results
                : results.stream().filter(result -> !result.eventTime().isBefore(measureFrom)).toList();
    }

    private static <A, B> Map<String, B> each(Map<String, A> byRuleSet, Function<A, B> figure) {
        Map<String, B> figures = new LinkedHashMap<>();
        byRuleSet.forEach((name, value) -> figures.put(name, figure.apply(value)));
        return figures;
    }
}
