package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Decision;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowsAlertRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant ALERTED_TRANSACTION = Instant.parse("2026-11-10T12:00:00Z");

    /** A window of PT24H, where the default follows-alert-window is PT2H. */
    private final ScoringRule rule = new FollowsAlertRule(Duration.ofHours(24));

    @ParameterizedTest(name = "[{index}] alert at {0}, then {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # last alert on the card | transaction | facts
            2026-11-10T12:00:00Z | 2026-11-10T12:30:00Z | follows an alert on this card 1800 s earlier, window 86400 s
            2026-11-10T12:00:00Z | 2026-11-10T12:00:00Z | follows an alert on this card 0 s earlier, window 86400 s
            2026-11-10T12:00:00Z | 2026-11-11T12:00:00Z | follows an alert on this card 86400 s earlier, window 86400 s
            2026-11-10T12:00:00Z | 2026-11-11T12:00:01Z | -
            # a transaction from before the alert, arriving late, does not follow it
            2026-11-10T12:00:00Z | 2026-11-10T11:59:59Z | -
            # a card never alerted on
            -                    | 2026-11-10T12:30:00Z | -
            """)
    void flagsATransactionShortlyAfterAnAlertOnTheSameCard(Instant alert, Instant time, String facts) {
        // given: the card's first transaction, alerted on by its own evidence, or approved and learnt from
        CardProfile profile = alert != null
                ? CardProfile.empty(CARD).withSuspect(purchase("tx-1", alert), SETTINGS, true)
                : CardProfile.empty(CARD).with(purchase("tx-1", ALERTED_TRANSACTION), SETTINGS);
        Transaction transaction = purchase("tx-new", time);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsFollowsAlertAndOnlyAmplifiesOtherFindings() {
        assertThat(rule.code()).isEqualTo("FOLLOWS_ALERT");
        assertThat(rule.defaultPoints()).isEqualTo(100);
        assertThat(rule.amplifiesOtherFindings()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] category {0} after an alert: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # merchant category | reasons on the decision
            5732 | ''
            7995 | HIGH_RISK_MERCHANT:150 FOLLOWS_ALERT:100
            """)
    void isScoredOnlyWhereAnotherRuleFoundSomething(String category, String reasons) {
        // given
        Scorer scorer = new Scorer(List.of(new HighRiskMerchantRule(Set.of("7995")), rule),
                Clock.fixed(ALERTED_TRANSACTION, ZoneOffset.UTC));
        CardProfile profile = CardProfile.empty(CARD).withSuspect(purchase("tx-1", ALERTED_TRANSACTION), SETTINGS,
                true);
        Transaction transaction = new Transaction("tx-new", CARD, new BigDecimal("900.00"), "EUR", "m-1", category,
                "DE", 52.52, 13.405, ALERTED_TRANSACTION.plus(Duration.ofMinutes(30)), Channel.ECOMMERCE);

        // when
        Decision decision = scorer.score(transaction, new Evidence(profile, null, null),
                new RuleSet("1", 300, 700, Map.of(), Set.of()));

        // then
        assertThat(decision.reasons()).extracting(reason -> reason.code() + ":" + reason.points())
                .containsExactly(reasons.isEmpty() ? new String[0] : reasons.split(" "));
    }

    private static Transaction purchase(String id, Instant time) {
        return new Transaction(id, CARD, new BigDecimal("900.00"), "EUR", "m-1", "5732", "DE", 52.52, 13.405, time,
                Channel.ECOMMERCE);
    }
}
