package io.cardwatch.events;

import java.time.Instant;

/**
 * An analyst's verdict on one scored transaction: the record on the compacted {@code labels} topic, keyed by
 * transaction ID, so that the latest verdict on a transaction is the one kept. It names the card, so that the
 * detector can apply it to the card's state, and the transaction's event time, so that it can be placed in the
 * card's own timeline.
 */
public record Label(
        String transactionId,
        String cardId,
        Verdict verdict,
        String analyst,
        Instant eventTime,
        Instant labelledAt) {

    /** What the transaction turned out to be. */
    public enum Verdict {
        FRAUD,
        LEGITIMATE
    }
}
