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
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewChannelRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");
    private static final Purchase GROCERIES = purchase().of("35.00", "EUR");

    private final ScoringRule rule = byDefault("NEW_CHANNEL");

    @ParameterizedTest(name = "[{index}] {0}, then {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # history: count and channel, one transaction a day on the days before | channel | facts
            6 CARD_PRESENT                 | ECOMMERCE    | ECOMMERCE on a card used in person in 100% of its 6 transactions, limit 10% online
            6 CARD_PRESENT                 | MAIL_PHONE   | MAIL_PHONE on a card used in person in 100% of its 6 transactions, limit 10% online
            3 CARD_PRESENT; 3 ATM          | ECOMMERCE    | ECOMMERCE on a card used in person in 100% of its 6 transactions, limit 10% online
            6 CARD_PRESENT                 | CARD_PRESENT | -
            6 CARD_PRESENT                 | ATM          | -
            6 CARD_PRESENT                 | unknown      | -
            # a card whose producer never says the channel is not known to be used in person
            6 unknown                      | ECOMMERCE    | -
            6 unknown; 6 CARD_PRESENT      | ECOMMERCE    | ECOMMERCE on a card used in person in 100% of its 6 transactions, limit 10% online
            # cold start: four transactions a day apart weigh 3.9 decayed transactions, five 4.8, which rounds to 5
            4 CARD_PRESENT                 | ECOMMERCE    | -
            5 CARD_PRESENT                 | ECOMMERCE    | ECOMMERCE on a card used in person in 100% of its 5 transactions, limit 10% online
            # a card used online, by mail or by phone in a tenth of its history or more is not: one in six is 17.6 %
            5 CARD_PRESENT; 1 MAIL_PHONE   | ECOMMERCE    | -
            5 CARD_PRESENT; 1 ECOMMERCE    | MAIL_PHONE   | -
            # one online purchase is 10.1 % of the decayed history 8 days on, 9.0 % 9 days on
            1 ECOMMERCE; 8 CARD_PRESENT    | ECOMMERCE    | -
            1 ECOMMERCE; 9 CARD_PRESENT    | ECOMMERCE    | ECOMMERCE on a card used in person in 91% of its 9 transactions, limit 10% online
            # one online purchase long ago is a small share of the decayed history: 2.8 % 25 days on, 1.8 % 35 days on
            1 ECOMMERCE; 25 CARD_PRESENT   | ECOMMERCE    | ECOMMERCE on a card used in person in 97% of its 20 transactions, limit 10% online
            1 ECOMMERCE; 35 CARD_PRESENT   | ECOMMERCE    | ECOMMERCE on a card used in person in 98% of its 25 transactions, limit 10% online
            """)
    void flagsAPurchaseNotInPersonOnACardHardlyEverUsedThatWay(String history, String channel, String facts) {
        // given
        CardProfile profile = learntDaily(repeated(history).stream()
                .map(fields -> GROCERIES.by(channel(fields[0])))
                .toList(), NOW);
        Transaction transaction = GROCERIES.by(channel(channel)).on(NOW).transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, profile);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
