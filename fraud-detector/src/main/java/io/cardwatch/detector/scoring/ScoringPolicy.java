package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.RuleSet;
import java.time.Duration;

/**
 * How the topology treats transactions around the rules: how long an ID is remembered against duplicates,
 * how long after its event time a live transaction may reach Kafka, how far out of order it may arrive and
 * still see complete windows, how fast a card's habits fade, which transactions are not scored, and the rule
 * set in force until one is published.
 */
public record ScoringPolicy(Duration dedupHorizon, Duration maxAge, Duration grace, Duration habitHalfLife,
                            PreScoringFilter filter, RuleSet defaultRuleSet) {

    public ScoringPolicy {
        if (maxAge.compareTo(dedupHorizon) > 0) {
            throw new IllegalArgumentException("max-age " + maxAge + " must not exceed dedup-horizon " + dedupHorizon
                    + ": an older transaction could no longer be recognised as a duplicate");
        }
    }

    /** The longest window a rule looks back over. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(24);

    /** How long a card's recent transactions are kept: the longest window, for one out of order by the grace. */
    Duration activityRetention() {
        return LONGEST_WINDOW.plus(grace);
    }

    ProfileSettings profileSettings() {
        return new ProfileSettings(habitHalfLife, activityRetention(), dedupHorizon);
    }
}
