package io.cardwatch.simulator;

import java.time.Duration;

/** The counts of a simulation run. */
public record RunSummary(long sent, long accepted, long refused, long failed, Duration elapsed) {

    public double acceptedPerSecond() {
        return accepted / Math.max(0.001, elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format("%ds: sent %d, accepted %d, refused %d, failed %d, %.0f tx/s", elapsed.toSeconds(), sent,
                accepted, refused, failed, acceptedPerSecond());
    }
}
