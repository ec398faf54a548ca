package io.cardwatch.detector.scoring;

import io.cardwatch.events.RuleSet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * The rules with the defaults of {@link ScoringConfiguration}, a fixed clock, merchant {@code m-test} and
 * cards starting {@code test-} left unscored, and a grace of 30 minutes, for tests of the topology.
 */
final class ScoringFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private ScoringFixtures() {
    }

    static ScoringConfiguration configuration() {
        return new ScoringConfiguration(300, 700, "1", Duration.ofDays(7), Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofDays(30), new BigDecimal("5000"), Set.of("EUR", "USD", "GBP", "CHF"), 400, 5, 2.0, 3.0, 10, 0.02, 3,
                4.0, 3.0, 6, 5.0, 500, Duration.ofHours(2), 5, 3, 10, 40, new BigDecimal("10000"),
                new BigDecimal("25000"), 900, 500, Set.of("4829", "5967", "6051", "7995"), new BigDecimal("2.00"), 2,
                new BigDecimal("100"), Duration.ofMinutes(10), Set.of("m-test"), Set.of("test-"));
    }

    static Scorer scorer() {
        return new Scorer(ScoringStreamFactory.rules(configuration()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ScoringPolicy policy(Duration maxAge) {
        return new ScoringPolicy(Duration.ofDays(7), maxAge, Duration.ofMinutes(30), Duration.ofDays(30),
                new PreScoringFilter(Set.of("m-test"), Set.of("test-")), new RuleSet("1", 300, 700, Map.of(), Set.of()));
    }
}
