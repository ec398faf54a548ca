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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewChannelRuleTest {

    private static final String CARD = "card-1";
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");

    /** As ScoringStreamFactory.rules() builds it from the defaults: cold start 5. */
    private final ScoringRule rule = new NewChannelRule(5);

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
        CardProfile profile = profile(history);
        Transaction transaction = purchase("tx-new", channel(channel), NOW);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsNewChannel() {
        assertThat(rule.code()).isEqualTo("NEW_CHANNEL");
        assertThat(rule.defaultPoints()).isEqualTo(150);
    }

    private static CardProfile profile(String history) {
        List<String> channels = new ArrayList<>();
        for (String group : history.split(";")) {
            String[] fields = group.trim().split("\\s+");
            for (int i = 0; i < Integer.parseInt(fields[0]); i++) {
                channels.add(fields[1]);
            }
        }
        CardProfile profile = CardProfile.empty(CARD);
        for (int i = 0; i < channels.size(); i++) {
            profile = profile.with(purchase("tx-" + i, channel(channels.get(i)),
                    NOW.minus(Duration.ofDays(channels.size() - i))), SETTINGS);
        }
        return profile;
    }

    private static Channel channel(String name) {
        return name.equals("unknown") ? null : Channel.valueOf(name);
    }

    private static Transaction purchase(String id, Channel channel, Instant time) {
        return new Transaction(id, CARD, new BigDecimal("35.00"), "EUR", "m-1", "5411", "DE", 52.52, 13.405, time,
                channel);
    }
}
