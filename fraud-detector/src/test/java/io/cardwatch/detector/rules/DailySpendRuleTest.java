package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learnt;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailySpendRuleTest {

    private static final LocalTime HISTORY_TIME = LocalTime.of(3, 0);

    private final ScoringRule rule = byDefault("DAILY_SPEND");

    // Berlin (13.405) is UTC + 53 min 37 s in solar time, Tokyo (139.6917) UTC + 9 h 18 min 46 s: local midnight
    // in Tokyo is at 14:41:14 UTC.
    @ParameterizedTest(name = "[{index}] days {0}, earlier today {1}, then {4} {5} at {2} at longitude {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: one EUR purchase a day at 03:00 UTC on the days before; earlier today: UTC time, amount, currency.
            # The latest day before is folded into the usual day only by today's first transaction.
            50.00 50.00 50.00 50.00 50.00 | -                | 2026-11-10T12:00:00Z | 13.405   | 250.00  | EUR | 250.00 EUR spent today, 5.0 times the card's usual day of 50.00 EUR (4 days), limit 4.0 times
            50.00 50.00 50.00 50.00 50.00 | -                | 2026-11-10T12:00:00Z | 13.405   | 200.00  | EUR | 200.00 EUR spent today, 4.0 times the card's usual day of 50.00 EUR (4 days), limit 4.0 times
            50.00 50.00 50.00 50.00 50.00 | -                | 2026-11-10T12:00:00Z | 13.405   | 199.99  | EUR | -
            # cold start: of three days before, two are folded (1.98 decayed days); of four, three (2.93, which rounds to 3)
            50.00 50.00 50.00             | -                | 2026-11-10T12:00:00Z | 13.405   | 1000.00 | EUR | -
            50.00 50.00 50.00 50.00       | -                | 2026-11-10T12:00:00Z | 13.405   | 1000.00 | EUR | 1000.00 EUR spent today, 20.0 times the card's usual day of 50.00 EUR (3 days), limit 4.0 times
            # the day's earlier spend counts, in the card's first currency only
            50.00 50.00 50.00 50.00 50.00 | 08:00 120.00 EUR | 2026-11-10T12:00:00Z | 13.405   | 120.00  | EUR | 240.00 EUR spent today, 4.8 times the card's usual day of 50.00 EUR (5 days), limit 4.0 times
            50.00 50.00 50.00 50.00 50.00 | 08:00 150.00 USD | 2026-11-10T12:00:00Z | 13.405   | 100.00  | EUR | -
            50.00 50.00 50.00 50.00 50.00 | -                | 2026-11-10T12:00:00Z | 13.405   | 1000.00 | USD | -
            # only a purchase of at least twice the card's typical amount is flagged: after 120.00 that is 116.78, and
            # after four purchases of 50.00 today it is 100.00
            50.00 50.00 50.00 50.00 50.00 | 08:00 120.00 EUR | 2026-11-10T12:00:00Z | 13.405   | 90.00   | EUR | -
            50.00 50.00 50.00 50.00 50.00 | 08:00 50.00 EUR; 09:00 50.00 EUR; 10:00 50.00 EUR; 11:00 50.00 EUR | 2026-11-10T12:00:00Z | 13.405 | 99.99  | EUR | -
            50.00 50.00 50.00 50.00 50.00 | 08:00 50.00 EUR; 09:00 50.00 EUR; 10:00 50.00 EUR; 11:00 50.00 EUR | 2026-11-10T12:00:00Z | 13.405 | 100.01 | EUR | 300.01 EUR spent today, 6.0 times the card's usual day of 50.00 EUR (5 days), limit 4.0 times
            # the day rolls over at local midnight, from the longitude
            50.00 50.00 50.00 50.00 50.00 | 14:00 150.00 EUR | 2026-11-10T14:41:13Z | 139.6917 | 150.00  | EUR | 300.00 EUR spent today, 6.0 times the card's usual day of 50.00 EUR (5 days), limit 4.0 times
            50.00 50.00 50.00 50.00 50.00 | 14:00 150.00 EUR | 2026-11-10T14:41:14Z | 139.6917 | 150.00  | EUR | -
            50.00 50.00 50.00 50.00 50.00 | 14:00 150.00 EUR | 2026-11-10T14:41:14Z | 13.405   | 150.00  | EUR | 300.00 EUR spent today, 6.0 times the card's usual day of 50.00 EUR (5 days), limit 4.0 times
            """)
    void flagsALocalDaySpendingAMultipleOfTheCardsUsualDay(String days, String earlierToday, Instant time,
                                                           double longitude, String amount, String currency,
                                                           String facts) {
        // given
        CardProfile profile = profile(days, earlierToday, time, longitude);
        Transaction transaction = at(longitude).of(amount, currency).on(time).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static CardProfile profile(String days, String earlierToday, Instant time, double longitude) {
        OffsetDateTime today = time.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        String[] amounts = days.trim().split("\\s+");
        List<Transaction> purchases = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            Instant at = today.minusDays(amounts.length - i).with(HISTORY_TIME).toInstant();
            purchases.add(at(longitude).of(amounts[i], "EUR").on(at).transaction("tx-" + i));
        }
        if (earlierToday != null) {
            for (String earlier : earlierToday.split(";")) {
                String[] fields = earlier.trim().split("\\s+");
                purchases.add(at(longitude).of(fields[1], fields[2]).on(today.with(LocalTime.parse(fields[0])).toInstant())
                        .transaction("tx-today-" + fields[0]));
            }
        }
        return learnt(purchases);
    }

    private static Purchase at(double longitude) {
        return purchase().in("DE", 40.0, longitude);
    }
}
