package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.channel;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learntDaily;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static io.cardwatch.detector.rules.RuleFixtures.repeated;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FarFromHomeRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** Latitude and longitude. Great-circle distances from Berlin: Cologne 477 km, Munich 504 km, Madrid 1869 km. */
    private static final Map<String, double[]> PLACES = Map.of(
            "Berlin", new double[] {52.5200, 13.4050},
            "Cologne", new double[] {50.9375, 6.9603},
            "Munich", new double[] {48.1351, 11.5820},
            "Madrid", new double[] {40.4168, -3.7038});

    private final ScoringRule rule = byDefault("FAR_FROM_HOME");

    @ParameterizedTest(name = "[{index}] {0}, then {2} in {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: count, channel and place, one purchase a day on the days before | place | channel | facts
            6 CARD_PRESENT in Berlin                       | Madrid  | CARD_PRESENT | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            6 CARD_PRESENT in Berlin                       | Madrid  | ATM          | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            6 CARD_PRESENT in Berlin                       | Madrid  | unknown      | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            # online, the merchant's location says nothing about where the card is
            6 CARD_PRESENT in Berlin                       | Madrid  | ECOMMERCE    | -
            6 CARD_PRESENT in Berlin                       | Madrid  | MAIL_PHONE   | -
            6 CARD_PRESENT in Berlin                       | Munich  | CARD_PRESENT | 504 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            6 CARD_PRESENT in Berlin                       | Cologne | CARD_PRESENT | -
            # cold start: four purchases a day apart weigh 3.9 decayed purchases, five 4.8, which rounds to 5
            4 CARD_PRESENT in Berlin                       | Madrid  | CARD_PRESENT | -
            5 CARD_PRESENT in Berlin                       | Madrid  | CARD_PRESENT | 1869 km from the card's home area (52.52, 13.41) of 5 purchases in person, limit 500 km
            # only purchases in person (or of unknown channel) make the home area
            6 ECOMMERCE in Berlin                          | Madrid  | CARD_PRESENT | -
            6 ECOMMERCE in Madrid; 6 CARD_PRESENT in Berlin | Madrid | CARD_PRESENT | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            3 CARD_PRESENT in Berlin; 3 ATM in Berlin      | Madrid  | CARD_PRESENT | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            6 unknown in Berlin                            | Madrid  | CARD_PRESENT | 1869 km from the card's home area (52.52, 13.41) of 6 purchases in person, limit 500 km
            """)
    void flagsAPurchaseInPersonFarFromTheCardsHomeArea(String history, String place, String channel, String facts) {
        // given
        CardProfile profile = learntDaily(repeated(history).stream()
                .map(fields -> in(fields[2]).by(channel(fields[0])))
                .toList(), NOW);
        Transaction transaction = in(place).by(channel(channel)).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static Purchase in(String place) {
        double[] at = PLACES.get(place);
        return purchase().of("80.00", "EUR").at("m-" + place, "5411").in("DE", at[0], at[1]);
    }
}
