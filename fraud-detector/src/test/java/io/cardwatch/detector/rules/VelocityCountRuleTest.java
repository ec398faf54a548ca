package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learnt;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VelocityCountRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    @ParameterizedTest(name = "[{index}] VELOCITY_{0}: {1} every {2} s before, {3} after")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # window | transactions before it | every (s) | transactions 1 s, 2 s... after it, arrived first | facts
            1M  | 5  | 10   | 0 | 6 transactions in 60 s, limit 5
            1M  | 4  | 10   | 0 | -
            # the window starts just after 60 s before: the fifth, 60 s before, is out
            1M  | 5  | 12   | 0 | -
            1M  | 0  | 0    | 0 | -
            # transactions after it in event time are not in its window
            1M  | 4  | 10   | 2 | -
            1M  | 5  | 10   | 2 | 6 transactions in 60 s, limit 5
            10M | 3  | 120  | 0 | 4 transactions in 600 s, limit 3
            10M | 2  | 120  | 0 | -
            10M | 3  | 200  | 0 | -
            1H  | 10 | 300  | 0 | 11 transactions in 3600 s, limit 10
            1H  | 9  | 300  | 0 | -
            1H  | 10 | 360  | 0 | -
            24H | 40 | 2100 | 0 | 41 transactions in 86400 s, limit 40
            24H | 39 | 2100 | 0 | -
            24H | 40 | 2160 | 0 | -
            """)
    void flagsMoreTransactionsThanTheLimitInTheWindowThisOneIncluded(String window, int before, int every,
                                                                      int after, String facts) {
        // given
        List<Transaction> arrived = new ArrayList<>();
        for (int i = before; i >= 1; i--) {
            arrived.add(purchase().on(NOW.minusSeconds((long) i * every)).transaction("tx-before-" + i));
        }
        for (int i = 1; i <= after; i++) {
            arrived.add(purchase().on(NOW.plusSeconds(i)).transaction("tx-after-" + i));
        }
        Transaction transaction = purchase().on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(byDefault("VELOCITY_" + window), transaction, learnt(arrived));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
