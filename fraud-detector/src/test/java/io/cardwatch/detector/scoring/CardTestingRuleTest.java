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

class CardTestingRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    /** As ScoringStreamFactory.rules() builds it from the defaults: 2 of at most 2.00, then 100, within PT10M. */
    private final ScoringRule rule = new CardTestingRule(new BigDecimal("2.00"), 2, new BigDecimal("100"),
            Duration.ofMinutes(10));

    @ParameterizedTest(name = "[{index}] {0}, then {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # earlier: seconds before (negative: after, arrived first), amount in EUR | amount | facts
            540 1.00; 300 0.50; 60 2.00          | 250.00 | 3 transactions of at most 2.00 in 600 s before 250.00, limit 2
            540 1.00; 480 1.00; 300 0.50; 60 2.00 | 250.00 | 4 transactions of at most 2.00 in 600 s before 250.00, limit 2
            300 0.50; 60 2.00                    | 250.00 | 2 transactions of at most 2.00 in 600 s before 250.00, limit 2
            300 0.50; 60 2.00                    | 100.00 | 2 transactions of at most 2.00 in 600 s before 100.00, limit 2
            300 0.50; 60 2.00                    | 99.99  | -
            60 2.00                              | 250.00 | -
            300 0.50; 60 2.01                    | 250.00 | -
            # the window starts just after 600 s before
            600 1.00; 60 2.00                    | 250.00 | -
            -60 1.00; 60 2.00                    | 250.00 | -
            -                                    | 250.00 | -
            """)
    void flagsALargeAmountAfterABurstOfTinyOnes(String earlier, String amount, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        if (earlier != null) {
            int n = 0;
            for (String purchase : earlier.split(";")) {
                String[] fields = purchase.trim().split("\\s+");
                profile = profile.with(purchase("tx-" + n++, fields[1], NOW.minusSeconds(Long.parseLong(fields[0]))),
                        SETTINGS);
            }
        }
        Transaction transaction = purchase("tx-new", amount, NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsCardTesting() {
        assertThat(rule.code()).isEqualTo("CARD_TESTING");
    }

    private static Transaction purchase(String id, String amount, Instant time) {
        return new Transaction(id, CARD, new BigDecimal(amount), "EUR", "m-1", "5732", "DE", 52.52, 13.405, time,
                Channel.ECOMMERCE);
    }
}
