package io.cardwatch.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well the decisions match the simulator's labels. A transaction is flagged (an alert) when its decision
 * is REVIEW or DECLINE. Overall: precision (alerts on fraud against all alerts), recall, F1, false positive
 * rate (legitimate transactions flagged against all legitimate ones) and alert rate. Per scenario only what
 * is that scenario's own: recall and the episodes caught (an episode is caught when any of its transactions
 * is flagged). A false alert belongs to no scenario, so there is no per-scenario precision.
 */
public final class DetectionReport {

    /** The label of one accepted transaction. */
    public record Label(Scenario scenario, long episode) {
    }

    /** Counts for one scenario, or for all fraud together. */
    public record Row(String name, long transactions, long flagged, long episodes, long episodesCaught) {

        public double recall() {
            return ratio(flagged, transactions);
        }
    }

    private final List<Row> rows;
    private final Row allFraud;
    private final long legitimate;
    private final long falsePositives;

    private DetectionReport(List<Row> rows, Row allFraud, long legitimate, long falsePositives) {
        this.rows = rows;
        this.allFraud = allFraud;
        this.legitimate = legitimate;
        this.falsePositives = falsePositives;
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
        List<Row> rows = new ArrayList<>();
        long[] fraud = new long[4];
        for (Scenario scenario : Scenario.fraud()) {
            long[] count = counts.getOrDefault(scenario, new long[2]);
            int episodeCount = episodes.getOrDefault(scenario, Set.of()).size();
            int caughtCount = caught.getOrDefault(scenario, Set.of()).size();
            rows.add(new Row(scenario.name(), count[0], count[1], episodeCount, caughtCount));
            fraud[0] += count[0];
            fraud[1] += count[1];
            fraud[2] += episodeCount;
            fraud[3] += caughtCount;
        }
        long[] legit = counts.getOrDefault(Scenario.LEGITIMATE, new long[2]);
        return new DetectionReport(List.copyOf(rows), new Row("ALL FRAUD", fraud[0], fraud[1], fraud[2], fraud[3]),
                legit[0], legit[1]);
    }

    /** One row per fraud scenario, in the order of {@link Scenario}. */
    public List<Row> rows() {
        return rows;
    }

    /** All fraud scenarios together. */
    public Row allFraud() {
        return allFraud;
    }

    /** Legitimate transactions with a decision. */
    public long legitimate() {
        return legitimate;
    }

    /** Legitimate transactions flagged. */
    public long falsePositives() {
        return falsePositives;
    }

    /** Decided transactions, fraud and legitimate. */
    public long decided() {
        return allFraud.transactions() + legitimate;
    }

    /** Flagged transactions, fraud and legitimate. */
    public long alerts() {
        return allFraud.flagged() + falsePositives;
    }

    /** True alerts against all alerts. */
    public double precision() {
        return ratio(allFraud.flagged(), alerts());
    }

    /** Fraudulent transactions flagged against all fraudulent transactions. */
    public double recall() {
        return allFraud.recall();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Legitimate transactions flagged against all legitimate transactions. */
    public double falsePositiveRate() {
        return ratio(falsePositives, legitimate);
    }

    /** Share of decided transactions that raised an alert. */
    public double alertRate() {
        return ratio(alerts(), decided());
    }

    @Override
    public String toString() {
        StringBuilder table = new StringBuilder(String.format("%-26s %8s %8s %7s %11s%n",
                "scenario", "tx", "flagged", "recall", "episodes"));
        for (Row row : rows) {
            table.append(line(row));
        }
        table.append(line(allFraud));
        table.append(String.format("overall: precision %.3f (%d of %d alerts on fraud), recall %.3f, f1 %.3f%n",
                precision(), allFraud.flagged(), alerts(), recall(), f1()));
        table.append(String.format("legitimate: %d transactions, %d flagged (false positive rate %.4f)%n", legitimate,
                falsePositives, falsePositiveRate()));
        table.append(String.format("alert rate: %.4f of %d decided transactions%n", alertRate(), decided()));
        return table.toString();
    }

    private static String line(Row row) {
        return String.format("%-26s %8d %8d %7.3f %5d/%-5d%n", row.name(), row.transactions(), row.flagged(),
                row.recall(), row.episodesCaught(), row.episodes());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
