package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learntDaily;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static io.cardwatch.detector.rules.RuleFixtures.strengthOfFinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountAnomalyRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** Cold start 5 and 3.0 times as the defaults, but 3.0 spreads where the default anomaly-spreads is 2.0. */
    private final ScoringRule rule = new AmountAnomalyRule(5, 3.0, 3.0);

    @ParameterizedTest(name = "[{index}] {0} then {3} {4} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: category:amount in EUR, one purchase a day at 12:00 UTC on the days before
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 400.00  | EUR | amount 400.00 EUR is 8.1 times the card's typical 49.68 EUR at groceries shops (6 purchases), 8.3 spreads above, limit 3.0
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 150.00  | EUR | amount 150.00 EUR is 3.0 times the card's typical 49.68 EUR at groceries shops (6 purchases), 4.4 spreads above, limit 3.0
            # even amounts: many spreads above, but under 3 times the typical amount
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 145.00  | EUR | -
            # a card whose amounts vary a lot: many times the typical amount, but under 3 spreads
            5411:10.00 5411:100.00 5411:20.00 5411:200.00 5411:15.00 5411:150.00 | 5411 | 1600.00 | EUR | -
            5411:10.00 5411:100.00 5411:20.00 5411:200.00 5411:15.00 5411:150.00 | 5411 | 1650.00 | EUR | amount 1650.00 EUR is 35.5 times the card's typical 46.50 EUR at groceries shops (6 purchases), 3.0 spreads above, limit 3.0
            5411:10.00 5411:100.00 5411:20.00 5411:200.00 5411:15.00 5411:150.00 | 5411 | 2000.00 | EUR | amount 2000.00 EUR is 43.0 times the card's typical 46.50 EUR at groceries shops (6 purchases), 3.2 spreads above, limit 3.0
            # cold start: four purchases a day apart weigh 3.9 decayed purchases, five 4.8, which rounds to 5
            5411:40.00 5411:50.00 5411:60.00 5411:45.00                       | 5411 | 400.00  | EUR | -
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00            | 5411 | 400.00  | EUR | amount 400.00 EUR is 8.1 times the card's typical 49.61 EUR at groceries shops (5 purchases), 8.3 spreads above, limit 3.0
            # another code of the same group is measured against the group
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5499 | 400.00  | EUR | amount 400.00 EUR is 8.1 times the card's typical 49.68 EUR at groceries shops (6 purchases), 8.3 spreads above, limit 3.0
            # a group new to the card is not measured against all shops: it has no history there
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5732 | 400.00  | EUR | -
            # nor is a group of too little history: four purchases at electronics shops, six at groceries
            5411:40.00 5732:50.00 5411:60.00 5732:45.00 5411:55.00 5732:50.00 5411:45.00 5732:55.00 5411:50.00 5411:40.00 | 5732 | 400.00  | EUR | -
            # no history in the transaction's currency
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 400.00  | USD | -
            # groceries at 50 and flights at 800: each kind of shop against its own usual amount
            5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 | 4511 | 1000.00 | EUR | -
            5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 | 4511 | 2500.00 | EUR | amount 2500.00 EUR is 3.1 times the card's typical 800.00 EUR at travel shops (5 purchases), 4.6 spreads above, limit 3.0
            5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 | 5411 | 400.00  | EUR | amount 400.00 EUR is 8.0 times the card's typical 50.00 EUR at groceries shops (5 purchases), 8.3 spreads above, limit 3.0
            """)
    void flagsAnAmountFarAboveWhatTheCardUsuallySpendsInThatKindOfShop(String history, String category,
                                                                       String amount, String currency, String facts) {
        // given
        CardProfile profile = profile(history);
        Transaction transaction = purchase().of(amount, currency).at("m-new", category).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} then {2} EUR at {1}: strength {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # history as above | category | amount | strength: the lesser of ln(multiple) / ln(10) and spreads / (2 x the
            # spreads limit of 3.0), at least 0.5, at most 1
            # half up to sqrt(10) = 3.16 times the typical amount: 150.00 is 3.02 times 49.68, 160.00 3.22 times
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 150.00  | 0.5
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 160.00  | 0.5079204663102268
            # 8.05 times
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 400.00  | 0.9058604749822644
            # all of it from 10 times: 497.00 is 10.004 times (and 9.2 spreads above)
            5411:40.00 5411:50.00 5411:60.00 5411:45.00 5411:55.00 5411:50.00 | 5411 | 497.00  | 1.0
            # 35.5 and 43.0 times, but of a card whose amounts vary a lot: only 3.01 and 3.17 spreads above
            5411:10.00 5411:100.00 5411:20.00 5411:200.00 5411:15.00 5411:150.00 | 5411 | 1650.00 | 0.5020024128347068
            5411:10.00 5411:100.00 5411:20.00 5411:200.00 5411:15.00 5411:150.00 | 5411 | 2000.00 | 0.5290605674069623
            # the multiple is of the amount the finding was measured against: 800.00 at travel shops, 50.00 at groceries
            5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 | 4511 | 2500.00 | 0.5
            5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 5411:50.00 4511:800.00 | 5411 | 400.00  | 0.9030899869919435
            """)
    void weighsMoreTheLargerTheMultipleOfTheTypicalAmount(String history, String category, String amount,
                                                          double strength) {
        // given
        CardProfile profile = profile(history);
        Transaction transaction = purchase().of(amount, "EUR").at("m-new", category).on(NOW).transaction("tx-new");

        // when
        double weighs = strengthOfFinding(rule, transaction, profile);

        // then
        assertThat(weighs).isCloseTo(strength, within(1e-9));
    }

    /** One purchase a day at 12:00 UTC on the days before, each {@code category:amount} in EUR. */
    private static CardProfile profile(String history) {
        return learntDaily(Arrays.stream(history.trim().split("\\s+"))
                .map(purchase -> purchase.split(":"))
                .map(purchase -> purchase().of(purchase[1], "EUR").at("m-" + purchase[0], purchase[0]))
                .toList(), NOW);
    }
}
