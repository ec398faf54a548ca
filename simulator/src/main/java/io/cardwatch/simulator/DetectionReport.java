package io.cardwatch.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well the decisions match the simulator's labels. A transaction is flagged when its decision is
 * REVIEW or DECLINE. Per scenario, precision counts that scenario's transactions against the legitimate
 * ones (one scenario versus legitimate traffic); an episode is caught when any of its transactions is.
 */
public final class DetectionReport {

    /** The label of one accepted transaction. */
    public record Label(Scenario scenario, long episode) {
    }

    /** Counts for one scenario, or for all fraud together. */
    public record Row(String name, long transactions, long flagged, long falsePositives, long episodes,
                      long episodesCaught) {

        public double recall() {
            return ratio(flagged, transactions);
        }

        public double precision() {
            return ratio(flagged, flagged + falsePositives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<Row> rows;
    private final long legitimate;
    private final long falsePositives;
    private final long decided;
    private final long flagged;

    private DetectionReport(List<Row> rows, long legitimate, long falsePositives, long decided, long flagged) {
        this.rows = rows;
        this.legitimate = legitimate;
        this.falsePositives = falsePositives;
        this.decided = decided;
        this.flagged = flagged;
    }

    /**
     * @param labels  by transaction ID
     * @param flagged the IDs of transactions whose decision is REVIEW or DECLINE
     * @param decided the IDs of transactions that have a decision at all
     */
    public static DetectionReport of(Map<String, Label> labels, Set<String> flagged, Set<String> decided) {
        Map<Scenario, long[]> counts = new EnumMap<>(Scenario.class);
        Map<Scenario, Set<Long>> episodes = new EnumMap<>(Scenario.class);
        Map<Scenario, Set<Long>> caught = new EnumMap<>(Scenario.class);
        labels.forEach((id, label) -> {
            if (!decided.contains(id)) {
                return;
            }
            long[] count = counts.computeIfAbsent(label.scenario(), s -> new long[2]);
            count[0]++;
            episodes.computeIfAbsent(label.scenario(), s -> new HashSet<>()).add(label.episode());
            if (flagged.contains(id)) {
                count[1]++;
                caught.computeIfAbsent(label.scenario(), s -> new HashSet<>()).add(label.episode());
            }
        });
        long[] legit = counts.getOrDefault(Scenario.LEGITIMATE, new long[2]);
        List<Row> rows = new ArrayList<>();
        long[] fraud = new long[4];
        for (Scenario scenario : Scenario.values()) {
            if (!scenario.isFraud()) {
                continue;
            }
            long[] count = counts.getOrDefault(scenario, new long[2]);
            int episodeCount = episodes.getOrDefault(scenario, Set.of()).size();
            int caughtCount = caught.getOrDefault(scenario, Set.of()).size();
            rows.add(new Row(scenario.name(), count[0], count[1], legit[1], episodeCount, caughtCount));
            fraud[0] += count[0];
            fraud[1] += count[1];
            fraud[2] += episodeCount;
            fraud[3] += caughtCount;
        }
        rows.add(new Row("ALL FRAUD", fraud[0], fraud[1], legit[1], fraud[2], fraud[3]));
        long decidedLabelled = labels.keySet().stream().filter(decided::contains).count();
        long flaggedLabelled = labels.keySet().stream().filter(flagged::contains).count();
        return new DetectionReport(rows, legit[0], legit[1], decidedLabelled, flaggedLabelled);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Share of decided transactions that raised an alert. */
    public double alertRate() {
        return ratio(flagged, decided);
    }

    @Override
    public String toString() {
        StringBuilder table = new StringBuilder(String.format("%-22s %8s %8s %9s %7s %7s %9s%n",
                "scenario", "tx", "flagged", "precision", "recall", "f1", "episodes"));
        for (Row row : rows) {
            table.append(String.format("%-22s %8d %8d %9.3f %7.3f %7.3f %4d/%-4d%n", row.name(), row.transactions(),
                    row.flagged(), row.precision(), row.recall(), row.f1(), row.episodesCaught(), row.episodes()));
        }
        table.append(String.format("legitimate: %d transactions, %d flagged (false positive rate %.4f)%n", legitimate,
                falsePositives, ratio(falsePositives, legitimate)));
        table.append(String.format("alert rate: %.4f of %d decided transactions%n", alertRate(), decided));
        return table.toString();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
