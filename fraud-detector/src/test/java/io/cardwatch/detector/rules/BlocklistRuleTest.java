package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.CARD;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.ListEntry.ListType;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Transaction;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlocklistRuleTest {

    @ParameterizedTest(name = "[{index}] {0} rule, card {1}, merchant {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # rule | card's list entry | merchant's list entry | facts
            cards     | BLOCK | -     | card card-1 is blocklisted: reported stolen
            cards     | BLOCK | ALLOW | card card-1 is blocklisted: reported stolen
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
        Transaction transaction = purchase().transaction("tx-new");
        Evidence evidence = new Evidence(CardProfile.empty(CARD), cardEntry, merchantEntry);

        // when
        Optional<String> finding = rule(rule).evaluate(transaction, evidence);

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    private static ScoringRule rule(String which) {
        return which.equals("cards") ? BlocklistRule.cards() : BlocklistRule.merchants();
    }
}
