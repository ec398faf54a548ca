package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FarFromHomeRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** Latitude and longitude. Great-circle distances from Berlin: Cologne 477 km, Munich 504 km, Madrid 1869 km. */
    private static final Map<String, double[]> PLACES = Map.of(
            "Berlin", new double[] {52.5200, 13.4050},
            "Cologne", new double[] {50.9375, 6.9603},
            "Munich", new double[] {48.1351, 11.5820},
            "Madrid", new double[] {40.4168, -3.7038});

    /** As ScoringStreamFactory.rules() builds it from the defaults: cold start 5, 500 km. */
    private final ScoringRule rule = new FarFromHomeRule(5, 500);

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
        CardProfile profile = profile(history);
        Transaction transaction = purchase("tx-new", place, channel(channel), NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsFarFromHome() {
        assertThat(rule.code()).isEqualTo("FAR_FROM_HOME");
    }

    private static CardProfile profile(String history) {
        List<String[]> purchases = new ArrayList<>();
        for (String group : history.split(";")) {
            String[] fields = group.trim().split("\\s+");
            for (int i = 0; i < Integer.parseInt(fields[0]); i++) {
                purchases.add(new String[] {fields[1], fields[3]});
            }
        }
        CardProfile profile = CardProfile.empty(CARD);
        for (int i = 0; i < purchases.size(); i++) {
            profile = profile.with(purchase("tx-" + i, purchases.get(i)[1], channel(purchases.get(i)[0]),
                    NOW.minus(Duration.ofDays(purchases.size() - i))), SETTINGS);
        }
        return profile;
    }

    private static Channel channel(String name) {
        return name.equals("unknown") ? null : Channel.valueOf(name);
    }

    private static Transaction purchase(String id, String place, Channel channel, Instant time) {
        double[] at = PLACES.get(place);
        return new Transaction(id, CARD, new BigDecimal("80.00"), "EUR", "m-" + place, "5411", "DE", at[0], at[1], time,
                channel);
    }
}
