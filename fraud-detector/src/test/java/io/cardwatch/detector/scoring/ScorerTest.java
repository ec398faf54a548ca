package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.detector.rules.Evidence;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Decision;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    private static final Instant ALERTED = Instant.parse("2026-11-10T12:00:00Z");
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));

    @ParameterizedTest(name = "[{index}] category {0} half an hour after an alert: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # merchant category | reasons on the decision
            5732 | ''
            7995 | HIGH_RISK_MERCHANT:150 FOLLOWS_ALERT:100
            """)
    void escalatesOnlyWhereAnotherRuleFoundSomething(String category, String reasons) {
        // given
        CardProfile profile = CardProfile.empty("card-1").withSuspect(purchase("tx-1", "5732", ALERTED), SETTINGS,
                true);
        Transaction transaction = purchase("tx-new", category, ALERTED.plus(Duration.ofMinutes(30)));

        // when
        Decision decision = ScoringFixtures.scorer().score(transaction, new Evidence(profile, null, null),
                new RuleSet("1", 300, 700, Map.of(), Set.of()), Models.NONE);

        // then
        assertThat(decision.reasons()).extracting(reason -> reason.code() + ":" + reason.points())
                .containsExactly(reasons.isEmpty() ? new String[0] : reasons.split(" "));
    }

    private static Transaction purchase(String id, String category, Instant time) {
        return new Transaction(id, "card-1", new BigDecimal("900.00"), "EUR", "m-1", category, "DE", 52.52, 13.405,
                time, Channel.ECOMMERCE);
    }
}
