package io.cardwatch.detector.backtest;

import io.cardwatch.detector.backtest.BacktestReport.Figures;
import io.cardwatch.detector.backtest.BacktestReport.ReasonFigures;
import io.cardwatch.detector.backtest.BacktestReport.ScenarioFigures;
import io.cardwatch.detector.model.Models;
import io.cardwatch.events.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Prints a backtest as aligned tables. Several rule sets (the live one, then a proposed one) are printed side
 * by side, one column each, their names in the column headers.
 */
final class ReportPrinter {

    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void history(Path file, History history) {
        out.println("Read " + file + ": " + history.transactions().size() + " transactions, "
                + history.unreadable().size() + " rows skipped as unreadable");
        history.reportUnreadable(out);
    }

    void run(String name, RuleSet ruleSet, Models models, BacktestRun run) {
        out.println("Rule set " + name + ": version " + ruleSet.version() + ", review from " + ruleSet.reviewFrom()
                + ", decline from " + ruleSet.declineFrom()
                + (ruleSet.weights().isEmpty() ? "" : ", weights " + new TreeMap<>(ruleSet.weights()))
                + (ruleSet.disabledRules().isEmpty() ? "" : ", disabled " + new TreeSet<>(ruleSet.disabledRules()))
                + (models.active() == null ? "" : ", model " + models.active().version()));
        out.println(String.format(Locale.ROOT,
                "  scored %d transactions in %.3f s (%.0f per second); %d duplicates, %d refused as too old (TOO_OLD)",
                run.results().size(), run.scoringTime().toNanos() / 1e9, run.rate(), run.duplicates(), run.refused()));
    }

    /** Says which transactions the figures below count. */
    void measured(Instant from) {
        if (from != null) {
            out.println("Figures below: transactions from " + from + " on");
        }
    }

    void overall(Map<String, Figures> byRuleSet) {
        List<String> header = new ArrayList<>(List.of("Overall"));
        header.addAll(byRuleSet.keySet());
        Table table = new Table(header);
        row(table, "Transactions", byRuleSet, figures -> count(figures.transactions()));
        row(table, "Fraud", byRuleSet, figures -> count(figures.fraud()));
        row(table, "Flagged (review or decline)", byRuleSet, figures -> count(figures.flagged()));
        row(table, "True alerts", byRuleSet, figures -> count(figures.trueAlerts()));
        row(table, "False alerts", byRuleSet, figures -> count(figures.falseAlerts()));
        row(table, "Precision", byRuleSet, figures -> percent(figures.precision()));
        row(table, "Recall", byRuleSet, figures -> percent(figures.recall()));
        row(table, "F1", byRuleSet, figures -> percent(figures.f1()));
        row(table, "Alert rate", byRuleSet, figures -> percent(figures.alertRate()));
        row(table, "False-positive rate", byRuleSet, figures -> percent(figures.falsePositiveRate()));
        row(table, "Declined", byRuleSet, figures -> count(figures.declined()));
        row(table, "True declines", byRuleSet, figures -> count(figures.trueDeclines()));
        row(table, "False declines", byRuleSet, figures -> count(figures.falseDeclines()));
        row(table, "Decline precision", byRuleSet, figures -> percent(figures.declinePrecision()));
        row(table, "Decline recall", byRuleSet, figures -> percent(figures.declineRecall()));
        section(table);
    }

    void reasons(Map<String, List<ReasonFigures>> byRuleSet) {
        Set<String> codes = new LinkedHashSet<>();
        byRuleSet.values().forEach(reasons -> reasons.forEach(reason -> codes.add(reason.code())));
        List<String> header = new ArrayList<>(List.of("Reason"));
        byRuleSet.keySet().forEach(name -> List.of("Alerts", "True", "False", "Precision")
                .forEach(column -> header.add(label(column, name, byRuleSet.size()))));
        Table table = new Table(header);
        for (String code : codes) {
            List<String> cells = new ArrayList<>(List.of(code));
            for (List<ReasonFigures> reasons : byRuleSet.values()) {
                ReasonFigures reason = reasons.stream().filter(candidate -> candidate.code().equals(code))
                        .findFirst().orElse(new ReasonFigures(code, 0, 0));
                cells.addAll(List.of(count(reason.alerts()), count(reason.trueAlerts()), count(reason.falseAlerts()),
                        percent(reason.precision())));
            }
            table.row(cells);
        }
        section(table);
    }

    /** Nothing when the history names no fraud scenario. */
    void scenarios(Map<String, List<ScenarioFigures>> byRuleSet) {
        Set<String> scenarios = new LinkedHashSet<>();
        byRuleSet.values().forEach(list -> list.forEach(figures -> scenarios.add(figures.scenario())));
        if (scenarios.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("Scenario", "Fraud"));
        byRuleSet.keySet().forEach(name -> List.of("Flagged", "Declined", "Recall")
                .forEach(column -> header.add(label(column, name, byRuleSet.size()))));
        Table table = new Table(header);
        for (String scenario : scenarios) {
            List<String> cells = new ArrayList<>(List.of(scenario));
            boolean first = true;
            for (List<ScenarioFigures> list : byRuleSet.values()) {
                ScenarioFigures figures = list.stream().filter(candidate -> candidate.scenario().equals(scenario))
                        .findFirst().orElseThrow();
                if (first) {
                    cells.add(count(figures.fraud()));
                    first = false;
                }
                cells.addAll(List.of(count(figures.flagged()), count(figures.declined()), percent(figures.recall())));
            }
            table.row(cells);
        }
        section(table);
    }

    void sweep(String name, RuleSet ruleSet, List<ThresholdSweep.Point> points) {
        out.println();
        out.println("Review threshold sweep of rule set " + name + " (* its own threshold):");
        Table table = new Table("Review from", "Decline from", "Precision", "Recall", "F1", "False-positive rate",
                "Alert rate", "Scored per second");
        for (ThresholdSweep.Point point : points) {
            Figures figures = point.figures();
            table.row(point.reviewFrom() + (point.reviewFrom() == ruleSet.reviewFrom() ? " *" : ""),
                    Integer.toString(point.declineFrom()), percent(figures.precision()), percent(figures.recall()),
                    percent(figures.f1()), percent(figures.falsePositiveRate()), percent(figures.alertRate()),
                    String.format(Locale.ROOT, "%.0f", point.scoredPerSecond()));
        }
        table.print(out);
    }

    void decisionsWritten(Path file, long count) {
        out.println();
        out.println("Wrote " + count + " decisions to " + file);
    }

    private void section(Table table) {
        out.println();
        table.print(out);
    }

    private static void row(Table table, String name, Map<String, Figures> byRuleSet, Function<Figures, String> cell) {
        List<String> cells = new ArrayList<>(List.of(name));
        byRuleSet.values().forEach(figures -> cells.add(cell.apply(figures)));
        table.row(cells);
    }

    private static String label(String column, String ruleSet, int ruleSets) {
        return ruleSets == 1 ? column : column + " (" + ruleSet + ")";
    }

    private static String count(long count) {
        return Long.toString(count);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * ratio);
    }
}
