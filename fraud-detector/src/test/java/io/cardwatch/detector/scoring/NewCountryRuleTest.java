package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.ProfileSettings;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewCountryRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final ScoringRule rule = new NewCountryRule();

    @ParameterizedTest(name = "[{index}] {0}, then {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: countries, one purchase a day on the days before | country | facts
            DE       | FR | first transaction in FR, seen before in [DE]
            DE AT DE | FR | first transaction in FR, seen before in [AT, DE]
            DE FR    | FR | -
            DE       | DE | -
            # the first transaction of a card is in no new country: it has no history elsewhere
            -        | FR | -
            """)
    void flagsTheFirstUseOfACardInACountry(String history, String country, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD);
        if (history != null) {
            String[] countries = history.trim().split("\\s+");
            for (int i = 0; i < countries.length; i++) {
                profile = profile.with(purchase("tx-" + i, countries[i],
                        NOW.minus(Duration.ofDays(countries.length - i))), SETTINGS);
            }
        }
        Transaction transaction = purchase("tx-new", country, NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} in FR")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # channel of a transaction in FR, on a card used in DE | facts
            CARD_PRESENT | first transaction in FR, seen before in [DE]
            ATM          | first transaction in FR, seen before in [DE]
            unknown      | first transaction in FR, seen before in [DE]
            # online from a merchant abroad: the location is the merchant's, not the card's
            ECOMMERCE    | -
            MAIL_PHONE   | -
            """)
    void flagsOnlyWhereTheLocationIsTheCards(String channel, String facts) {
        // given
        CardProfile profile = CardProfile.empty(CARD).with(purchase("tx-1", "DE", NOW.minus(Duration.ofDays(1))),
                SETTINGS);
        Transaction transaction = new Transaction("tx-new", CARD, new BigDecimal("45.00"), "EUR", "m-1", "5812", "FR",
                48.0, 8.0, NOW, channel.equals("unknown") ? null : Channel.valueOf(channel));

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsNewCountry() {
        assertThat(rule.code()).isEqualTo("NEW_COUNTRY");
    }

    private static Transaction purchase(String id, String country, Instant time) {
        return new Transaction(id, CARD, new BigDecimal("45.00"), "EUR", "m-1", "5812", country, 48.0, 8.0, time,
                Channel.CARD_PRESENT);
    }
}
