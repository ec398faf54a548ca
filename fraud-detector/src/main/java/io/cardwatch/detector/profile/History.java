package io.cardwatch.detector.profile;

/**
 * How much history a decayed weight stands for. Weights fade continuously, so five transactions an hour apart
 * weigh a hair under five: history is counted in whole transactions (or days), rounded.
 */
public final class History {

    private static final double HALF = 0.5;

    private History() {
    }

    /** Whether {@code weight} amounts to at least {@code required} transactions (or days). */
    public static boolean atLeast(double weight, double required) {
        return weight + HALF >= required;
    }
}
