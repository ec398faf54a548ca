package io.cardwatch.detector.liveconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.ListEntry;
import org.junit.jupiter.api.Test;

class ListEntryValidatorTest {

    @Test
    void acceptsACardOrAMerchantOnEitherList() {
        assertThat(ListEntryValidator.problems("card:card-9", new ListEntry(ListEntry.ListType.BLOCK, "stolen")))
                .isEmpty();
        assertThat(ListEntryValidator.problems("merchant:m-1", new ListEntry(ListEntry.ListType.ALLOW, null)))
                .isEmpty();
    }

    @Test
    void namesEverythingWrongWithAListEntry() {
        assertThat(ListEntryValidator.problems("card-9", new ListEntry(null, "stolen"))).containsExactly(
                "key must be card:<cardId> or merchant:<merchantId>, was 'card-9'",
                "list must be one of [BLOCK, ALLOW]");
    }

    @Test
    void refusesAKeyNamingNoCardOrMerchant() {
        assertThat(ListEntryValidator.problems("merchant: ", new ListEntry(ListEntry.ListType.BLOCK, "skimming")))
                .containsExactly("key must be card:<cardId> or merchant:<merchantId>, was 'merchant: '");
    }
}
