package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VelocityCountRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    @ParameterizedTest(name = "[{index}] VELOCITY_{0}: {1} every {2} s before, {3} after")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # window | transactions before it | every (s) | transactions 1 s, 2 s... after it, arrived first | facts
            1M  | 5  | 10   | 0 | 6 transactions in 60 s, limit 5
            1M  | 4  | 10   | 0 | -
            # the window starts just after 60 s before: the fifth, 60 s before, is out
            1M  | 5  | 12   | 0 | -
            1M  | 0  | 0    | 0 | -
            # transactions after it in event time are not in its window
            1M  | 4  | 10   | 2 | -
            1M  | 5  | 10   | 2 | 6 transactions in 60 s, limit 5
            10M | 3  | 120  | 0 | 4 transactions in 600 s, limit 3
            10M | 2  | 120  | 0 | -
            10M | 3  | 200  | 0 | -
            1H  | 10 | 300  | 0 | 11 transactions in 3600 s, limit 10
            1H  | 9  | 300  | 0 | -
            1H  | 10 | 360  | 0 | -
            24H | 40 | 2100 | 0 | 41 transactions in 86400 s, limit 40
            24H | 39 | 2100 | 0 | -
            24H | 40 | 2160 | 0 | -
            """)
    void flagsMoreTransactionsThanTheLimitInTheWindowThisOneIncluded(String window, int before, int every,
                                                                      int after, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        for (int i = before; i >= 1; i--) {
            profile = profile.with(purchase("tx-before-" + i, NOW.minusSeconds((long) i * every)), SETTINGS);
        }
        for (int i = 1; i <= after; i++) {
            profile = profile.with(purchase("tx-after-" + i, NOW.plusSeconds(i)), SETTINGS);
        }
        Transaction transaction = purchase("tx-new", NOW);

        // when
        Optional<String> finding = rule(window).evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} is {1}, {2} points")
    @CsvSource(delimiter = '|', textBlock = """
            1M  | VELOCITY_1M  | 300
            10M | VELOCITY_10M | 150
            1H  | VELOCITY_1H  | 150
            24H | VELOCITY_24H | 100
            """)
    void isNamedAfterItsWindow(String window, String code, int points) {
        assertThat(rule(window).code()).isEqualTo(code);
        assertThat(rule(window).defaultPoints()).isEqualTo(points);
    }

    /** As ScoringStreamFactory.rules() builds them from the defaults. */
    private static ScoringRule rule(String window) {
        return switch (window) {
            case "1M" -> new VelocityCountRule("1M", Duration.ofMinutes(1), 5, 300);
            case "10M" -> new VelocityCountRule("10M", Duration.ofMinutes(10), 3, 150);
            case "1H" -> new VelocityCountRule("1H", Duration.ofHours(1), 10, 150);
            case "24H" -> new VelocityCountRule("24H", Duration.ofHours(24), 40, 100);
            default -> throw new IllegalArgumentException(window);
        };
    }

    private static Transaction purchase(String id, Instant time) {
        return new Transaction(id, CARD, new BigDecimal("20.00"), "EUR", "m-1", "5411", "DE", 52.52, 13.405, time,
                Channel.CARD_PRESENT);
    }
}
