package io.cardwatch.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds, from each request's intended start, so that queueing is never hidden. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

    void record(long intendedNanos, long doneNanos) {
        histogram.recordValue(Math.max(0, (doneNanos - intendedNanos) / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", percentileMillis(50), percentileMillis(99),
                percentileMillis(99.9));
    }
}
