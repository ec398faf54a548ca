package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learntDaily;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LargeAmountRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Purchase JEWELLERY = purchase().at("m-1", "5944");

    private final ScoringRule rule = byDefault("LARGE_AMOUNT");

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
        List<Purchase> days = new ArrayList<>();
        if (history != null) {
            String[] fields = history.trim().split("\\s+");
            days.addAll(Collections.nCopies(Integer.parseInt(fields[0]), JEWELLERY.of(fields[2], fields[3])));
        }
        Transaction transaction = JEWELLERY.of(amount, currency).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, learntDaily(days, NOW));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
