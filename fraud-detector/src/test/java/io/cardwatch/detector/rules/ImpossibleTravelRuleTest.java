package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.CARD;
import static io.cardwatch.detector.rules.RuleFixtures.SETTINGS;
import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.channel;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learnt;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpossibleTravelRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    /** Latitude and longitude. Great-circle distances: Berlin to Magdeburg 129 km, to Cologne 477 km, to Vienna
     * 524 km, to Paris 877 km; Paris to Vienna 1033 km. */
    private static final Map<String, double[]> PLACES = Map.of(
            "Berlin", new double[] {52.5200, 13.4050},
            "Magdeburg", new double[] {52.1205, 11.6276},
            "Cologne", new double[] {50.9375, 6.9603},
            "Vienna", new double[] {48.2082, 16.3738},
            "Paris", new double[] {48.8566, 2.3522});

    private final ScoringRule rule = byDefault("IMPOSSIBLE_TRAVEL");

    @ParameterizedTest(name = "[{index}] {0}, then {2} in {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: ID, place, seconds from the transaction[, channel if not CARD_PRESENT], in the order they
            # arrived | place | channel | facts
            # neighbouring towns: too fast, but short hops are ignored (terminal coordinates are not precise)
            tx-1 Berlin -300                 | Magdeburg | CARD_PRESENT | -
            tx-1 Berlin -600                 | Cologne   | CARD_PRESENT | -
            tx-1 Berlin -600                 | Vienna    | CARD_PRESENT | 524 km in 600 s since tx-1: 3141 km/h, limit 900 km/h
            tx-1 Paris -1200                 | Vienna    | CARD_PRESENT | 1033 km in 1200 s since tx-1: 3100 km/h, limit 900 km/h
            # 877 km at 899.96 km/h is not over the limit, at 902.53 km/h it is
            tx-1 Berlin -3510                | Paris     | CARD_PRESENT | -
            tx-1 Berlin -3500                | Paris     | CARD_PRESENT | 877 km in 3500 s since tx-1: 903 km/h, limit 900 km/h
            tx-1 Berlin 0                    | Paris     | CARD_PRESENT | 877 km in 0 s since tx-1: Infinity km/h, limit 900 km/h
            # the first transaction of a card has nothing to travel from
            -                                | Paris     | CARD_PRESENT | -
            # from the latest transaction before it in event time, not from one after it that arrived first
            tx-1 Berlin -7200; tx-2 Paris -1200 | Vienna | CARD_PRESENT | 1033 km in 1200 s since tx-2: 3100 km/h, limit 900 km/h
            tx-1 Paris -1200; tx-2 Vienna 60    | Vienna | CARD_PRESENT | 1033 km in 1200 s since tx-1: 3100 km/h, limit 900 km/h
            # only where the card itself was counts: at a terminal or an ATM, or of unknown channel
            tx-1 Paris -1200                 | Vienna    | ECOMMERCE    | -
            tx-1 Paris -1200                 | Vienna    | MAIL_PHONE   | -
            tx-1 Paris -1200 ECOMMERCE       | Vienna    | CARD_PRESENT | -
            tx-1 Paris -1800; tx-2 Vienna -600 ECOMMERCE | Vienna | CARD_PRESENT | 1033 km in 1800 s since tx-1: 2067 km/h, limit 900 km/h
            tx-1 Paris -1200 ATM             | Vienna    | unknown      | 1033 km in 1200 s since tx-1: 3100 km/h, limit 900 km/h
            tx-1 Paris -1200 unknown         | Vienna    | ATM          | 1033 km in 1200 s since tx-1: 3100 km/h, limit 900 km/h
            """)
    void flagsACardThatWouldHaveHadToTravelFasterThanAnAirliner(String history, String place, String channel,
                                                                String facts) {
        // given
        CardProfile profile = learnt(history == null ? List.of() : Arrays.stream(history.split(";"))
                .map(earlier -> earlier.trim().split("\\s+"))
                .map(fields -> in(fields[1], fields[2]).by(fields.length > 3 ? channel(fields[3]) : Channel.CARD_PRESENT)
                        .transaction(fields[0]))
                .toList());
        Transaction transaction = in(place, "0").by(channel(channel)).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0}, then Vienna")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: ID, place, seconds from the transaction, learnt or alerted on, in the order scored | facts
            # a transaction alerted on does not say where the card is: the latest before it that raised none does
            tx-1 Berlin -3600 learnt; tx-2 Paris -1200 alerted | -
            tx-1 Berlin -600 learnt; tx-2 Paris -300 alerted   | 524 km in 600 s since tx-1: 3141 km/h, limit 900 km/h
            tx-1 Paris -1200 alerted                           | -
            tx-1 Paris -1200 learnt                            | 1033 km in 1200 s since tx-1: 3100 km/h, limit 900 km/h
            """)
    void measuresFromTheLatestTransactionThatRaisedNoAlert(String history, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        for (String earlier : history.split(";")) {
            String[] fields = earlier.trim().split("\\s+");
            Transaction transaction = in(fields[1], fields[2]).transaction(fields[0]);
            profile = fields[3].equals("alerted") ? profile.withSuspect(transaction, SETTINGS, true)
                    : profile.with(transaction, SETTINGS);
        }
        Transaction transaction = in("Vienna", "0").transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    /** A purchase in person at {@code place}, {@code seconds} from the transaction. */
    private static Purchase in(String place, String seconds) {
        double[] at = PLACES.get(place);
        return purchase().of("80.00", "EUR").at("m-" + place, "5411").in("DE", at[0], at[1])
                .on(NOW.plusSeconds(Long.parseLong(seconds)));
    }
}
