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

class CardTestingRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Purchase ONLINE = purchase().at("m-1", "5732").by(Channel.ECOMMERCE);

    private final ScoringRule rule = byDefault("CARD_TESTING");

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
        CardProfile profile = learntBefore(earlier, ONLINE, NOW);
        Transaction transaction = ONLINE.of(amount, "EUR").on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
