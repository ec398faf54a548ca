package io.cardwatch.detector.scoring;

import io.cardwatch.detector.rules.RuleParameters;
import io.cardwatch.detector.rules.Rules;
import io.cardwatch.events.RuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * The rules with their defaults ({@link RuleParameters#DEFAULTS}), a fixed clock, merchant {@code m-test} and
 * cards starting {@code test-} left unscored, and a grace of 30 minutes, for tests of the topology.
 */
final class ScoringFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private ScoringFixtures() {
    }

    static Scorer scorer() {
        return new Scorer(Rules.all(RuleParameters.DEFAULTS), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ScoringPolicy policy(Duration maxAge) {
        return new ScoringPolicy(Duration.ofDays(7), maxAge, Duration.ofMinutes(30), Duration.ofDays(30),
                new PreScoringFilter(Set.of("m-test"), Set.of("test-")), new RuleSet("1", 300, 700, Map.of(), Set.of()));
    }
}
