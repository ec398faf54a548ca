package io.cardwatch.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A card transaction as accepted by the gateway: the record on the {@code transactions} topic, keyed by
 * {@link #cardId()} so that every event of one card is scored in order by one task. {@code channel} is
 * optional: null means the producer did not say, and rules treat it as unknown.
 */
public record Transaction(
        String transactionId,
        String cardId,
        BigDecimal amount,
        String currency,
        String merchantId,
        String merchantCategory,
        String country,
        double latitude,
        double longitude,
        Instant eventTime,
        Channel channel) {

    /** A transaction whose channel is unknown, as producers written before the channel existed send it. */
    public Transaction(String transactionId, String cardId, BigDecimal amount, String currency, String merchantId,
                       String merchantCategory, String country, double latitude, double longitude,
                       Instant eventTime) {
        this(transactionId, cardId, amount, currency, merchantId, merchantCategory, country, latitude, longitude,
                eventTime, null);
    }
}
