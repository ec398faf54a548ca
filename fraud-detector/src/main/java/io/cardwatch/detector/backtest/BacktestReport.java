package io.cardwatch.detector.backtest;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Detection figures of a backtest run against the labels. A transaction is flagged (an alert) when it is sent
 * to review or declined; a ratio with nothing to divide by is NaN.
 *
 * @param overall   over every scored transaction
 * @param reasons   per reason code, over the alerts it took part in, most alerts first
 * @param scenarios per fraud scenario, over the fraudulent transactions labelled with it, by name; empty when
 *                  the history names no scenario
 */
record BacktestReport(Figures overall, List<ReasonFigures> reasons, List<ScenarioFigures> scenarios) {

    static BacktestReport of(List<TransactionResult> results) {
        return new BacktestReport(Figures.of(results), reasons(results), scenarios(results));
    }

    /** Counts of transactions, fraud, alerts and declines, and the ratios a fraud team tunes by. */
    record Figures(long transactions, long fraud, long flagged, long trueAlerts, long declined, long trueDeclines) {

        static Figures of(List<TransactionResult> results) {
            long fraud = 0;
            long flagged = 0;
            long trueAlerts = 0;
            long declined = 0;
            long trueDeclines = 0;
            for (TransactionResult result : results) {
                fraud += result.fraud() ? 1 : 0;
                flagged += result.flagged() ? 1 : 0;
                trueAlerts += result.flagged() && result.fraud() ? 1 : 0;
                declined += result.declined() ? 1 : 0;
                trueDeclines += result.declined() && result.fraud() ? 1 : 0;
            }
            return new Figures(results.size(), fraud, flagged, trueAlerts, declined, trueDeclines);
        }

        long legitimate() {
            return transactions - fraud;
        }

        long falseAlerts() {
            return flagged - trueAlerts;
        }

        long falseDeclines() {
            return declined - trueDeclines;
        }

        /** Of the alerts, the share that were fraud. */
        double precision() {
            return ratio(trueAlerts, flagged);
        }

        /** Of the fraud, the share flagged. */
        double recall() {
            return ratio(trueAlerts, fraud);
        }

        /** The harmonic mean of precision and recall. */
        double f1() {
            return ratio(2 * trueAlerts, 2 * trueAlerts + falseAlerts() + (fraud - trueAlerts));
        }

        /** Of all transactions, the share flagged: the review and decline workload. */
        double alertRate() {
            return ratio(flagged, transactions);
        }

        /** Of the legitimate transactions, the share flagged: cardholders bothered for nothing. */
        double falsePositiveRate() {
            return ratio(falseAlerts(), legitimate());
        }

        double declinePrecision() {
            return ratio(trueDeclines, declined);
        }

        double declineRecall() {
            return ratio(trueDeclines, fraud);
        }
    }

    /** The alerts a reason code took part in, and how many of them were fraud. */
    record ReasonFigures(String code, long alerts, long trueAlerts) {

        long falseAlerts() {
            return alerts - trueAlerts;
        }

        double precision() {
            return ratio(trueAlerts, alerts);
        }
    }

    /** How much of one fraud scenario was flagged and declined. */
    record ScenarioFigures(String scenario, long fraud, long flagged, long declined) {

        double recall() {
            return ratio(flagged, fraud);
        }
    }

    private static List<ReasonFigures> reasons(List<TransactionResult> results) {
        Map<String, long[]> byCode = new TreeMap<>();
        for (TransactionResult result : results) {
            if (!result.flagged()) {
                continue;
            }
            // A code counts once per alert, however many of its reasons the decision lists.
            Set<String> codes = new LinkedHashSet<>(result.reasons());
            for (String code : codes) {
                long[] counts = byCode.computeIfAbsent(code, ignored -> new long[2]);
                counts[0]++;
                counts[1] += result.fraud() ? 1 : 0;
            }
        }
        return byCode.entrySet().stream()
                .map(entry -> new ReasonFigures(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparingLong(ReasonFigures::alerts).reversed().thenComparing(ReasonFigures::code))
                .toList();
    }

    private static List<ScenarioFigures> scenarios(List<TransactionResult> results) {
        Map<String, long[]> byScenario = new TreeMap<>();
        for (TransactionResult result : results) {
            if (!result.fraud() || result.scenario() == null) {
                continue;
            }
            long[] counts = byScenario.computeIfAbsent(result.scenario(), ignored -> new long[3]);
            counts[0]++;
            counts[1] += result.flagged() ? 1 : 0;
            counts[2] += result.declined() ? 1 : 0;
        }
        return byScenario.entrySet().stream()
                .map(entry -> new ScenarioFigures(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[2]))
                .toList();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
