package io.cardwatch.events;

import java.util.Map;
import java.util.Set;

/**
 * The live scoring configuration: the record on the compacted {@code fraud-rules} topic under the key
 * {@link #ACTIVE_KEY}. Thresholds map a score (0–1000) to an outcome; {@code weights} override the points
 * a rule adds, by reason code; rules named in {@code disabledRules} do not run.
 */
public record RuleSet(
        String version,
        int reviewFrom,
        int declineFrom,
        Map<String, Integer> weights,
        Set<String> disabledRules) {

    /** The only key the detector reads on {@code fraud-rules}. */
    public static final String ACTIVE_KEY = "active";

    public RuleSet {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
    }
}
