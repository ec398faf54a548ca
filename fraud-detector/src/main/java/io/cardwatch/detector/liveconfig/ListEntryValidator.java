package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.ListEntry;
import java.util.ArrayList;
import java.util.List;

/** Says what is wrong with a {@code card-lists} record, so that a bad one is refused rather than applied. */
final class ListEntryValidator {

    private static final String CARD_PREFIX = ListEntry.cardKey("");
    private static final String MERCHANT_PREFIX = ListEntry.merchantKey("");

    private ListEntryValidator() {
    }

    /** The problems of {@code entry} published under {@code key}; empty when it can be applied. */
    static List<String> problems(String key, ListEntry entry) {
        List<String> problems = new ArrayList<>();
        if (!names(key, CARD_PREFIX) && !names(key, MERCHANT_PREFIX)) {
            problems.add("key must be " + ListEntry.cardKey("<cardId>") + " or " + ListEntry.merchantKey("<merchantId>")
                    + ", was '" + key + "'");
        }
        if (entry.list() == null) {
            problems.add("list must be one of " + List.of(ListEntry.ListType.values()));
        }
        return problems;
    }

    private static boolean names(String key, String prefix) {
        return key != null && key.startsWith(prefix) && !key.substring(prefix.length()).isBlank();
    }
}
