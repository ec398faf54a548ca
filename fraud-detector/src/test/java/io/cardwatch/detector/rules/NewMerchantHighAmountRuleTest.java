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

class NewMerchantHighAmountRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** Cold start 5 as the default, but 3.0 times the typical amount where new-merchant-min-multiple is 5.0. */
    private final ScoringRule rule = new NewMerchantHighAmountRule(5, 3.0);

    @ParameterizedTest(name = "[{index}] {0} then {3} {4} at {1} ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: merchant:category:amount in EUR, one purchase a day on the days before
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | e-1 | 5732 | 200.00  | EUR | first purchase in category 5732, at merchant e-1: 200.00 EUR, 4.0 times the card's typical 50.00, limit 3.0
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | g-3 | 5411 | 200.00  | EUR | first purchase at merchant g-3: 200.00 EUR, 4.0 times the card's typical 50.00, limit 3.0
            # a category is known by its code, not its group
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | g-3 | 5499 | 200.00  | EUR | first purchase in category 5499, at merchant g-3: 200.00 EUR, 4.0 times the card's typical 50.00, limit 3.0
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | g-1 | 5411 | 1000.00 | EUR | -
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | e-1 | 5732 | 149.00  | EUR | -
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | e-1 | 5732 | 151.00  | EUR | first purchase in category 5732, at merchant e-1: 151.00 EUR, 3.0 times the card's typical 50.00, limit 3.0
            # cold start: four purchases a day apart weigh 3.9 decayed purchases, five 4.8, which rounds to 5
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00                               | e-1 | 5732 | 1000.00 | EUR | -
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00                | e-1 | 5732 | 1000.00 | EUR | first purchase in category 5732, at merchant e-1: 1000.00 EUR, 20.0 times the card's typical 50.00, limit 3.0
            g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 | e-1 | 5732 | 200.00  | USD | -
            """)
    void flagsAHighAmountAtAMerchantTheCardHasNeverUsed(String history, String merchant, String category,
                                                        String amount, String currency, String facts) {
        // given
        CardProfile profile = profile(history);
        Transaction transaction = purchase().of(amount, currency).at(merchant, category).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} EUR at a new merchant: strength {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # amount, after six purchases of 50.00 | strength: ln(multiple) / ln(20), at least 0.5, at most 1
            # half up to sqrt(20) = 4.47 times the typical amount
            200.00  | 0.5
            250.00  | 0.5372435736804817
            500.00  | 0.768621786840241
            999.00  | 0.9996660247838515
            # all of it from 20 times
            1000.00 | 1.0
            2000.00 | 1.0
            """)
    void weighsMoreTheLargerTheMultipleOfTheTypicalAmount(String amount, double strength) {
        // given
        CardProfile profile = profile(
                "g-1:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00 g-2:5411:50.00 g-1:5411:50.00");
        Transaction transaction = purchase().of(amount, "EUR").at("e-1", "5732").on(NOW).transaction("tx-new");

        // when
        double weighs = strengthOfFinding(rule, transaction, profile);

        // then
        assertThat(weighs).isCloseTo(strength, within(1e-9));
    }

    /** One purchase a day at 12:00 UTC on the days before, each {@code merchant:category:amount} in EUR. */
    private static CardProfile profile(String history) {
        return learntDaily(Arrays.stream(history.trim().split("\\s+"))
                .map(purchase -> purchase.split(":"))
                .map(purchase -> purchase().of(purchase[2], "EUR").at(purchase[0], purchase[1]))
                .toList(), NOW);
    }
}
