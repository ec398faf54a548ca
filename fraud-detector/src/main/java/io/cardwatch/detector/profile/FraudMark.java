package io.cardwatch.detector.profile;

import io.cardwatch.events.Label;
import java.time.Instant;

/**
 * An analyst's confirmation that a transaction of the card was fraud: while the card carries it, the card is
 * in the wrong hands.
 *
 * @param eventTime  when the fraudulent transaction happened
 * @param labelledAt when the analyst gave the verdict
 */
public record FraudMark(String transactionId, Instant eventTime, Instant labelledAt, String analyst) {

    static FraudMark of(Label fraud) {
        return new FraudMark(fraud.transactionId(), fraud.eventTime(), fraud.labelledAt(), fraud.analyst());
    }

    /**
     * Whether a legitimate verdict lifts the mark: one correcting the verdict on the marked transaction, or one on
     * a transaction after it, when the card was back in its holder's hands.
     */
    boolean clearedBy(Label legitimate) {
        return legitimate.transactionId().equals(transactionId) || legitimate.eventTime().isAfter(eventTime);
    }
}
