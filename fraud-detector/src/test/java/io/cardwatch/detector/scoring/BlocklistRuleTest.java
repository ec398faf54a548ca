package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Channel;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.ListEntry.ListType;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlocklistRuleTest {

    @ParameterizedTest(name = "[{index}] {0} rule, card {1}, merchant {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # rule | card's list entry | merchant's list entry | facts
            cards     | BLOCK | -     | card card-9 is blocklisted: reported stolen
            cards     | BLOCK | ALLOW | card card-9 is blocklisted: reported stolen
            cards     | ALLOW | -     | -
            cards     | -     | BLOCK | -
            cards     | -     | -     | -
            merchants | -     | BLOCK | merchant m-1 is blocklisted: skimming
            merchants | ALLOW | BLOCK | merchant m-1 is blocklisted: skimming
            merchants | -     | ALLOW | -
            merchants | BLOCK | -     | -
            merchants | -     | -     | -
            """)
    void flagsABlocklistedCardOrMerchant(String rule, ListType cardList, ListType merchantList, String facts) {
        // given
        ListEntry cardEntry = cardList == null ? null
                : new ListEntry(cardList, cardList == ListType.BLOCK ? "reported stolen" : "corporate card");
        ListEntry merchantEntry = merchantList == null ? null
                : new ListEntry(merchantList, merchantList == ListType.BLOCK ? "skimming" : "own test shop");
        Transaction transaction = new Transaction("tx-new", "card-9", new BigDecimal("20.00"), "EUR", "m-1", "5411",
                "DE", 52.52, 13.405, Instant.parse("2026-11-20T12:00:00Z"), Channel.CARD_PRESENT);
        Evidence evidence = new Evidence(CardProfile.empty("card-9"), cardEntry, merchantEntry);

        // when
        Optional<String> finding = rule(rule).evaluate(transaction, evidence);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @ParameterizedTest(name = "[{index}] {0} rule is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cards     | BLOCKLISTED_CARD
            merchants | BLOCKLISTED_MERCHANT
            """)
    void isNamedAfterWhatItLooksUp(String rule, String code) {
        assertThat(rule(rule).code()).isEqualTo(code);
    }

    private static ScoringRule rule(String which) {
        return which.equals("cards") ? BlocklistRule.cards() : BlocklistRule.merchants();
    }
}
