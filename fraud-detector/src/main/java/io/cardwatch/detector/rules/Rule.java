package io.cardwatch.detector.rules;

import java.util.Locale;
import java.util.Optional;

/** What every rule has: its reason code and its default points, the weight a live rule set may override. */
abstract class Rule implements ScoringRule {

    private final String code;
    private final int points;

    Rule(String code, int points) {
        this.code = code;
        this.points = points;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final int defaultPoints() {
        return points;
    }

    /** A finding whose facts are {@code format} filled in, with numbers written the same in every locale. */
    static Optional<String> facts(String format, Object... values) {
        return Optional.of(String.format(Locale.ROOT, format, values));
    }

    /** A graded finding's strength: {@code share} of the way to full strength, but never under half of it. */
    static double graded(double share) {
        return Math.min(1, Math.max(0.5, share));
    }
}
