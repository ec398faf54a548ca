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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbingRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    /** As ScoringStreamFactory.rules() builds it from the defaults: 2.00, 2 purchases, PT10M. */
    private final ScoringRule rule = new ProbingRule(new BigDecimal("2.00"), 2, Duration.ofMinutes(10));

    @ParameterizedTest(name = "[{index}] {0}, {1}, then {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: count x amount currency, one a day on the days before | earlier: seconds before, amount, currency
            -                 | 300 1.00 EUR; 120 1.50 EUR | 0.99 | EUR | 3 purchases of at most 2.00 EUR in 600 s, limit 2
            -                 | 300 2.00 EUR; 120 2.00 EUR | 2.00 | EUR | 3 purchases of at most 2.00 EUR in 600 s, limit 2
            -                 | 120 1.50 EUR               | 0.99 | EUR | 2 purchases of at most 2.00 EUR in 600 s, limit 2
            -                 | 120 5.00 EUR               | 0.99 | EUR | -
            # the window starts just after 600 s before
            -                 | 600 1.00 EUR               | 0.99 | EUR | -
            -                 | 300 1.00 EUR; 120 1.50 EUR | 2.01 | EUR | -
            -                 | 300 1.00 USD; 120 1.50 USD | 0.99 | EUR | -
            # tiny is a tenth of the card's typical amount when that is more than 2.00
            10 x 100.00 EUR   | 300 3.00 EUR; 120 3.00 EUR | 3.00 | EUR | 3 purchases of at most 5.23 EUR in 600 s, limit 2
            10 x 100.00 EUR   | 300 3.00 EUR; 120 3.00 EUR | 6.00 | EUR | -
            # in yen, 2.00 is nothing: a tenth of the typical amount (the two purchases before pull it down to 2427)
            10 x 5000 JPY     | 300 100 JPY; 120 100 JPY   | 100  | JPY | 3 purchases of at most 242.73 JPY in 600 s, limit 2
            # without history the typical amount is that of the purchases themselves: a tenth of 100 is 10
            -                 | 300 100 JPY; 120 100 JPY   | 100  | JPY | -
            """)
    void flagsARunOfTinyPurchasesWithinAFewMinutes(String history, String earlier, String amount, String currency,
                                                   String facts) {
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
        int n = 0;
        for (String purchase : earlier.split(";")) {
            String[] fields = purchase.trim().split("\\s+");
            profile = profile.with(purchase("tx-earlier-" + n++, fields[1], fields[2],
                    NOW.minusSeconds(Long.parseLong(fields[0]))), SETTINGS);
        }
        Transaction transaction = purchase("tx-new", amount, currency, NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsProbing() {
        assertThat(rule.code()).isEqualTo("PROBING");
    }

    private static Transaction purchase(String id, String amount, String currency, Instant time) {
        return new Transaction(id, CARD, new BigDecimal(amount), currency, "m-1", "5815", "DE", 52.52, 13.405, time,
                Channel.ECOMMERCE);
    }
}
