package io.cardwatch.detector.profile;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/** One recent transaction of a card, as much of it as the windowed rules need. */
public record Activity(String transactionId, Instant eventTime, BigDecimal amount, String currency, double latitude,
                       double longitude, Channel channel) {

    public static Activity of(Transaction transaction) {
        return new Activity(transaction.transactionId(), transaction.eventTime(), transaction.amount(),
                transaction.currency(), transaction.latitude(), transaction.longitude(), transaction.channel());
    }

    /**
     * Whether the location says where the card was: an online purchase carries the merchant's or the billing
     * address, not the card's. Unknown channels count as present, as all transactions did before channels.
     */
    public boolean locatesCard() {
        return channel == null || channel.cardPresent();
    }
}
