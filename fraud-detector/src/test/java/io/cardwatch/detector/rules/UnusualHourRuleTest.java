package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learnt;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnusualHourRuleTest {

    /** Berlin: local solar time is UTC + 53 min 37 s. */
    private static final double BERLIN_LAT = 52.52;
    private static final double BERLIN_LON = 13.405;
    private static final Purchase GROCERIES = purchase().of("30.00", "EUR");

    /** With FAR_FROM_HOME's defaults: 500 km from a home area of 5 purchases in person. */
    private final ScoringRule rule = byDefault("UNUSUAL_HOUR");

    @ParameterizedTest(name = "[{index}] {0} then {1} at longitude {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: count x UTC time, one purchase a day in Berlin on the days before the transaction
            12x12:00                  | 2026-11-20T02:30:00Z | 13.405   | 03:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            # cold start: ten purchases a day apart weigh 9.0 decayed transactions, eleven 9.8, which rounds to 10
            10x12:00                  | 2026-11-20T02:30:00Z | 13.405   | -
            11x12:00                  | 2026-11-20T02:30:00Z | 13.405   | 03:00 local time: 0.0% of the card's 10 transactions fall within an hour of it, limit 2.0%
            # an hour either side counts as usual: 12:53 local is within an hour of 11:23, not of 10:23 or 09:23
            12x12:00                  | 2026-11-20T10:30:00Z | 13.405   | -
            12x12:00                  | 2026-11-20T09:30:00Z | 13.405   | 10:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            12x12:00                  | 2026-11-20T08:30:00Z | 13.405   | 09:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            # the same instant in Tokyo is 11:48 local time, next to the card's lunchtime (and Tokyo is far from home)
            12x12:00                  | 2026-11-20T02:30:00Z | 139.6917 | -
            # hours wrap around midnight: 00:23 is within an hour of 23:23, 01:23 and 02:23 are not
            12x22:30                  | 2026-11-20T23:30:00Z | 13.405   | -
            12x22:30                  | 2026-11-20T00:30:00Z | 13.405   | 01:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            12x22:30                  | 2026-11-20T01:30:00Z | 13.405   | 02:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            # one night-time purchase among 60 days: 2.04 % of the decayed history 17 days on, 1.90 % 20 days on
            42x12:00 1x03:00 17x12:00 | 2026-11-20T02:30:00Z | 13.405   | -
            39x12:00 1x03:00 20x12:00 | 2026-11-20T02:30:00Z | 13.405   | 03:00 local time: 1.9% of the card's 33 transactions fall within an hour of it, limit 2.0%
            """)
    void flagsALocalHourTheCardDoesNotUse(String history, Instant time, double longitude, String facts) {
        // given
        CardProfile profile = profile(history, time);
        Transaction transaction = GROCERIES.in("DE", BERLIN_LAT, longitude).on(time).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # a card of twelve lunchtime purchases in Berlin, its home area, then one at 02:30 UTC
            # place | latitude | longitude | channel | facts
            # Hamburg, 255 km from home, at 03:09 local time
            Hamburg | 53.5511 | 9.9937 | CARD_PRESENT | 03:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            # Paris, 877 km from home (at 02:39 local time): far from home, where its holder may live by another clock
            Paris   | 48.8566 | 2.3522 | CARD_PRESENT | -
            Paris   | 48.8566 | 2.3522 | ATM          | -
            # online from a merchant in Paris: its location is not the card's, which is not far from home
            Paris   | 48.8566 | 2.3522 | ECOMMERCE    | 02:00 local time: 0.0% of the card's 11 transactions fall within an hour of it, limit 2.0%
            """)
    void doesNotFlagTheHourFarFromHome(String place, double latitude, double longitude, Channel channel,
                                       String facts) {
        // given
        Instant time = Instant.parse("2026-11-20T02:30:00Z");
        CardProfile profile = profile("12x12:00", time);
        Transaction transaction = GROCERIES.in("FR", latitude, longitude).by(channel).on(time).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static CardProfile profile(String history, Instant time) {
        List<LocalTime> times = new ArrayList<>();
        for (String group : history.trim().split("\\s+")) {
            String[] countAndTime = group.split("x");
            times.addAll(Collections.nCopies(Integer.parseInt(countAndTime[0]), LocalTime.parse(countAndTime[1])));
        }
        OffsetDateTime today = time.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        return learnt(IntStream.range(0, times.size())
                .mapToObj(i -> GROCERIES.in("DE", BERLIN_LAT, BERLIN_LON)
                        .on(today.minusDays(times.size() - i).with(times.get(i)).toInstant())
                        .transaction("tx-" + i))
                .toList());
    }
}
