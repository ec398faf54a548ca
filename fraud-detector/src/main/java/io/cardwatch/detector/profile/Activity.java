package io.cardwatch.detector.profile;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recent transaction of a card, as much of it as the windowed rules need, and whether it raised an alert.
 */
public record Activity(String transactionId, Instant eventTime, BigDecimal amount, String currency, double latitude,
                       double longitude, Channel channel, boolean alerted) {

    public static Activity of(Transaction transaction) {
        return new Activity(transaction.transactionId(), transaction.eventTime(), transaction.amount(),
                transaction.currency(), transaction.latitude(), transaction.longitude(), transaction.channel(), false);
    }

    Activity withAlert() {
        return new Activity(transactionId, eventTime, amount, currency, latitude, longitude, channel, true);
    }

    /**
     * Whether the location says where the card was: an online purchase carries the merchant's or the billing
     * address, not the card's. Unknown channels count as present, as all transactions did before channels.
     */
    public boolean locatesCard() {
        return channel == null || channel.cardPresent();
    }
}
