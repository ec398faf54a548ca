package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/** One recent transaction of a card, as much of it as the windowed rules need. */
public record Activity(String transactionId, Instant eventTime, BigDecimal amount, String currency, double latitude,
                       double longitude) {

    static Activity of(Transaction transaction) {
        return new Activity(transaction.transactionId(), transaction.eventTime(), transaction.amount(),
                transaction.currency(), transaction.latitude(), transaction.longitude());
    }
}
