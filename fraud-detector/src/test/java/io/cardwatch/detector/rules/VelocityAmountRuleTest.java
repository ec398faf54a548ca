package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learntBefore;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VelocityAmountRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Purchase ONLINE = purchase().at("m-1", "5732").by(Channel.ECOMMERCE);

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
        CardProfile profile = learntBefore(earlier, ONLINE, NOW);
        Transaction transaction = ONLINE.of(amount, currency).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(byDefault("VELOCITY_AMOUNT_" + window), transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
