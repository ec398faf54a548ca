package io.cardwatch.benchmarks;

import java.time.Duration;

/** Work done in a time, as a rate. */
record Rate(long count, Duration elapsed) {

    double perSecond() {
        return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format("%,.0f/s (%,d in %.1f s)", perSecond(), count, elapsed.toNanos() / 1e9);
    }

    String ratioTo(Rate baseline) {
        return String.format("%.0f%% of %,.0f/s", 100 * perSecond() / baseline.perSecond(), baseline.perSecond());
    }
}
