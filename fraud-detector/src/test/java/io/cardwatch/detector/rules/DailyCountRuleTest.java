package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learnt;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyCountRuleTest {

    private static final LocalTime HISTORY_TIME = LocalTime.of(3, 0);
    private static final LocalTime EARLIER_TODAY_TIME = LocalTime.of(14, 0);

    private final ScoringRule rule = byDefault("DAILY_COUNT");

    // Berlin (13.405) is UTC + 53 min 37 s in solar time, Tokyo (139.6917) UTC + 9 h 18 min 46 s: local midnight
    // in Tokyo is at 14:41:14 UTC.
    @ParameterizedTest(name = "[{index}] days {0}, {1} earlier today, then one at {2} at longitude {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: transactions per day, a minute apart from 03:00 UTC on the days before;
            # earlier today: transactions a minute apart from 14:00 UTC
            1 1 1 1 1 | 5 | 2026-11-10T15:00:00Z | 13.405   | 6 transactions today, the card's usual day has 1.0 (5 days), limit 3.0 times and at least 6
            # at least 6, though 5 is more than 3 times the usual day
            1 1 1 1 1 | 4 | 2026-11-10T15:00:00Z | 13.405   | -
            # 3 times a usual day of 2.4 is 7.2
            2 3 2 3 2 | 6 | 2026-11-10T15:00:00Z | 13.405   | -
            2 3 2 3 2 | 7 | 2026-11-10T15:00:00Z | 13.405   | 8 transactions today, the card's usual day has 2.4 (5 days), limit 3.0 times and at least 6
            # cold start: two past days weigh 1.9 decayed days; three weigh 2.8, which rounds to 3 (the last of them is
            # folded into the usual day by today's first transaction)
            1 1       | 5 | 2026-11-10T15:00:00Z | 13.405   | -
            1 1 1     | 5 | 2026-11-10T15:00:00Z | 13.405   | 6 transactions today, the card's usual day has 1.0 (3 days), limit 3.0 times and at least 6
            # the day rolls over at local midnight, from the longitude
            1 1 1 1 1 | 5 | 2026-11-10T14:41:13Z | 139.6917 | 6 transactions today, the card's usual day has 1.0 (5 days), limit 3.0 times and at least 6
            1 1 1 1 1 | 5 | 2026-11-10T14:41:14Z | 139.6917 | -
            1 1 1 1 1 | 5 | 2026-11-10T14:41:14Z | 13.405   | 6 transactions today, the card's usual day has 1.0 (5 days), limit 3.0 times and at least 6
            """)
    void flagsALocalDayWithManyMoreTransactionsThanTheCardsUsualDay(String days, int earlierToday, Instant time,
                                                                    double longitude, String facts) {
        // given
        CardProfile profile = profile(days, earlierToday, time, longitude);
        Transaction transaction = at(longitude).on(time).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static CardProfile profile(String days, int earlierToday, Instant time, double longitude) {
        Instant today = time.truncatedTo(ChronoUnit.DAYS);
        String[] counts = days.trim().split("\\s+");
        List<Instant> times = new ArrayList<>();
        for (int day = 0; day < counts.length; day++) {
            Instant start = today.minus(Duration.ofDays(counts.length - day)).atOffset(ZoneOffset.UTC)
                    .with(HISTORY_TIME).toInstant();
            minutesApart(start, Integer.parseInt(counts[day]), times);
        }
        minutesApart(today.atOffset(ZoneOffset.UTC).with(EARLIER_TODAY_TIME).toInstant(), earlierToday, times);
        return learnt(IntStream.range(0, times.size())
                .mapToObj(i -> at(longitude).on(times.get(i)).transaction("tx-" + i))
                .toList());
    }

    private static void minutesApart(Instant start, int count, List<Instant> times) {
        for (int i = 0; i < count; i++) {
            times.add(start.plus(Duration.ofMinutes(i)));
        }
    }

    private static Purchase at(double longitude) {
        return purchase().in("DE", 40.0, longitude);
    }
}
