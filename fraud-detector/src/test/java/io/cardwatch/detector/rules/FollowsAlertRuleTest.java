package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.CARD;
import static io.cardwatch.detector.rules.RuleFixtures.SETTINGS;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowsAlertRuleTest {

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
                ? CardProfile.empty(CARD).withSuspect(onlinePurchase("tx-1", alert), SETTINGS, true)
                : CardProfile.empty(CARD).with(onlinePurchase("tx-1", ALERTED_TRANSACTION), SETTINGS);
        Transaction transaction = onlinePurchase("tx-new", time);

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static Transaction onlinePurchase(String id, Instant time) {
        return purchase().of("900.00", "EUR").at("m-1", "5732").by(Channel.ECOMMERCE).on(time).transaction(id);
    }
}
