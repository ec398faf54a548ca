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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbingRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Purchase ONLINE = purchase().at("m-1", "5815").by(Channel.ECOMMERCE);

    private final ScoringRule rule = byDefault("PROBING");

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
        // given: the history's purchases arrived before the earlier ones
        CardProfile profile = learntBefore(history(history) + earlier, ONLINE, NOW);
        Transaction transaction = ONLINE.of(amount, currency).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    /** {@code count x amount currency}, one a day on the days before, as earlier purchases and their seconds. */
    private static String history(String history) {
        if (history == null) {
            return "";
        }
        String[] fields = history.trim().split("\\s+");
        int days = Integer.parseInt(fields[0]);
        return IntStream.range(0, days)
                .mapToObj(i -> Duration.ofDays(days - i).toSeconds() + " " + fields[2] + " " + fields[3] + ";")
                .collect(Collectors.joining());
    }
}
