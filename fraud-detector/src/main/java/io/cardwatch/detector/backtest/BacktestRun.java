package io.cardwatch.detector.backtest;

import java.time.Duration;
import java.util.List;

/**
 * What one pass over a history decided: a result per scored transaction in scoring order, the transactions
 * that were duplicates of one already scored (no second decision, as online), those refused as too old (dead
 * letters online), and how long the scoring took.
 */
record BacktestRun(List<TransactionResult> results, long duplicates, long refused, Duration scoringTime) {

    BacktestRun {
        results = List.copyOf(results);
    }

    /** Transactions handled per second of scoring, reading the file not included. */
    double rate() {
        long handled = results.size() + duplicates + refused;
        return scoringTime.isZero() ? Double.NaN : handled / (scoringTime.toNanos() / 1e9);
    }
}
