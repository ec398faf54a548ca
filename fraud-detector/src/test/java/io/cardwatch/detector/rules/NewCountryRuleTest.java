package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.channel;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.learntDaily;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.RuleFixtures.Purchase;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewCountryRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Purchase RESTAURANT = purchase().of("45.00", "EUR").at("m-1", "5812");

    private final ScoringRule rule = byDefault("NEW_COUNTRY");

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
        CardProfile profile = learntDaily(history == null ? List.of() : Arrays.stream(history.trim().split("\\s+"))
                .map(NewCountryRuleTest::in)
                .toList(), NOW);
        Transaction transaction = in(country).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

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
        CardProfile profile = learntDaily(List.of(in("DE")), NOW);
        Transaction transaction = in("FR").by(channel(channel)).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static Purchase in(String country) {
        return RESTAURANT.in(country, 48.0, 8.0);
    }
}
