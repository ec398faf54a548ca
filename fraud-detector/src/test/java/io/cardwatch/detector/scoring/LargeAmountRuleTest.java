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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LargeAmountRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** As ScoringStreamFactory.rules() builds it from the defaults: 5000 EUR, USD, GBP or CHF, 400 points, cold start 5. */
    private final ScoringRule rule = new LargeAmountRule(new BigDecimal("5000"),
            Set.of("EUR", "USD", "GBP", "CHF"), 400, 5);

    @ParameterizedTest(name = "[{index}] {0}, then {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: count x amount currency, one purchase a day on the days before | amount | currency | facts
            -               | 5000.00 | EUR | amount 5000.00 EUR at or over limit 5000
            -               | 4999.99 | EUR | -
            4 x 50.00 EUR   | 9000.00 | EUR | amount 9000.00 EUR at or over limit 5000
            # once the card has a profile in the currency (five purchases a day apart weigh 4.8, which rounds to 5),
            # AMOUNT_ANOMALY judges the amount instead
            5 x 50.00 EUR   | 9000.00 | EUR | -
            6 x 50.00 EUR   | 9000.00 | EUR | -
            6 x 50.00 EUR   | 9000.00 | USD | amount 9000.00 USD at or over limit 5000
            6 x 50.00 EUR   | 5000    | CHF | amount 5000 CHF at or over limit 5000
            # the limit is in units of the currencies it is set for: 5000 yen is not a large purchase
            -               | 900000  | JPY | -
            """)
    void flagsALargeAmountWhileTheCardHasTooLittleHistoryInTheCurrency(String history, String amount,
                                                                       String currency, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        if (history != null) {
            String[] fields = history.trim().split("\\s+");
            int days = Integer.parseInt(fields[0]);
            for (int i = 0; i < days; i++) {
                profile = profile.with(purchase("tx-" + i, fields[2], fields[3], NOW.minus(Duration.ofDays(days - i))),
                        SETTINGS);
            }
        }
        Transaction transaction = purchase("tx-new", amount, currency, NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isLargeAmountWorthItsConfiguredPoints() {
        assertThat(rule.code()).isEqualTo("LARGE_AMOUNT");
        assertThat(rule.defaultPoints()).isEqualTo(400);
    }

    private static Transaction purchase(String id, String amount, String currency, Instant time) {
        return new Transaction(id, CARD, new BigDecimal(amount), currency, "m-1", "5944", "DE", 52.52, 13.405, time,
                Channel.CARD_PRESENT);
    }
}
