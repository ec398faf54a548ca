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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VelocityAmountRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    /** The default large-amount-currencies, which the amount limits are in units of. */
    private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF");

    @ParameterizedTest(name = "[{index}] VELOCITY_AMOUNT_{0}: {1}, then {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # window | earlier: seconds before, amount, currency | amount | currency | facts
            1H  | 1800 4000.00 EUR; 600 5000.00 EUR  | 1500.00  | EUR | 10500.00 EUR in 3600 s, limit 10000
            1H  | 1800 4000.00 EUR; 600 5000.00 EUR  | 1000.00  | EUR | -
            1H  | 1800 4000.00 EUR; 600 5000.00 EUR  | 1000.01  | EUR | 10000.01 EUR in 3600 s, limit 10000
            # the window starts just after an hour before
            1H  | 3600 4000.00 EUR; 600 5000.00 EUR  | 1500.00  | EUR | -
            # in the transaction's currency only
            1H  | 1800 4000.00 USD; 600 5000.00 EUR  | 1500.00  | EUR | -
            # no history needed: one transaction can be over the limit on its own
            1H  | -                                  | 10000.01 | EUR | 10000.01 EUR in 3600 s, limit 10000
            1H  | -                                  | 10000.00 | EUR | -
            24H | 80000 20000.00 EUR; 3600 4000.00 EUR | 1500.00 | EUR | 25500.00 EUR in 86400 s, limit 25000
            24H | 80000 20000.00 EUR; 3600 4000.00 EUR | 1000.00 | EUR | -
            24H | 86400 20000.00 EUR; 3600 4000.00 EUR | 1500.00 | EUR | -
            1H  | 1800 4000.00 GBP; 600 5000.00 GBP  | 1500.00  | GBP | 10500.00 GBP in 3600 s, limit 10000
            # the limits are in units of the currencies they are set for: 1.1 million yen in an hour is not checked
            1H  | 1800 900000 JPY                    | 200000   | JPY | -
            24H | 1800 900000 JPY                    | 200000   | JPY | -
            """)
    void flagsMoreThanTheLimitSpentInTheWindowThisTransactionIncluded(String window, String earlier, String amount,
                                                                       String currency, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        if (earlier != null) {
            int n = 0;
            for (String purchase : earlier.split(";")) {
                String[] fields = purchase.trim().split("\\s+");
                profile = profile.with(purchase("tx-" + n++, fields[1], fields[2],
                        NOW.minusSeconds(Long.parseLong(fields[0]))), SETTINGS);
            }
        }
        Transaction transaction = purchase("tx-new", amount, currency, NOW);

        // when
        Optional<String> finding = rule(window).evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} is {1}, {2} points")
    @CsvSource(delimiter = '|', textBlock = """
            1H  | VELOCITY_AMOUNT_1H  | 150
            24H | VELOCITY_AMOUNT_24H | 100
            """)
    void isNamedAfterItsWindow(String window, String code, int points) {
        assertThat(rule(window).code()).isEqualTo(code);
        assertThat(rule(window).defaultPoints()).isEqualTo(points);
    }

    /** As ScoringStreamFactory.rules() builds them from the defaults. */
    private static ScoringRule rule(String window) {
        return switch (window) {
            case "1H" -> new VelocityAmountRule("1H", Duration.ofHours(1), new BigDecimal("10000"), CURRENCIES, 150);
            case "24H" -> new VelocityAmountRule("24H", Duration.ofHours(24), new BigDecimal("25000"), CURRENCIES,
                    100);
            default -> throw new IllegalArgumentException(window);
        };
    }

    private static Transaction purchase(String id, String amount, String currency, Instant time) {
        return new Transaction(id, CARD, new BigDecimal(amount), currency, "m-1", "5732", "DE", 52.52, 13.405, time,
                Channel.ECOMMERCE);
    }
}
