package io.cardwatch.detector.rules;

import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/** Flags a blocklisted card or merchant, as listed on the {@code card-lists} topic. */
final class BlocklistRule extends Rule {

    static final String CARD_CODE = "BLOCKLISTED_CARD";
    static final String MERCHANT_CODE = "BLOCKLISTED_MERCHANT";

    private final boolean card;

    private BlocklistRule(boolean card) {
        super(card ? CARD_CODE : MERCHANT_CODE, 1000);
        this.card = card;
    }

    static BlocklistRule cards() {
        return new BlocklistRule(true);
    }

    static BlocklistRule merchants() {
        return new BlocklistRule(false);
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        ListEntry entry = card ? evidence.cardEntry() : evidence.merchantEntry();
        if (entry == null || entry.list() != ListEntry.ListType.BLOCK) {
            return Optional.empty();
        }
        String subject = card ? "card " + transaction.cardId() : "merchant " + transaction.merchantId();
        return Optional.of(subject + " is blocklisted: " + entry.note());
    }
}
