package io.cardwatch.simulator;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Random;

/**
 * Builds transactions with deterministic IDs, amounts in the local currency and jittered locations. A
 * transaction without the card at the terminal (online, mail or phone) is placed where the card lives,
 * wherever its holder happens to be.
 */
final class TransactionFactory {

    private final String idPrefix;
    private final Random random;
    private long sequence;

    TransactionFactory(long seed, Random random) {
        this.idPrefix = "sim-" + seed + "-";
        this.random = random;
    }

    /** A purchase of {@code euros} (at least 1 €) converted to the currency of where it happens. */
    Transaction create(Card card, City where, double euros, String category, String merchantId, Instant at,
                       Channel channel) {
        City place = channel.cardPresent() ? where : card.home();
        return createLocal(card, place, localAmount(Math.max(1.0, euros) * place.unitsPerEuro(), place), category,
                merchantId, at, channel);
    }

    /** A purchase of an amount already in the local currency of {@code where} (the card's home when not present). */
    Transaction createLocal(Card card, City where, BigDecimal localAmount, String category, String merchantId,
                            Instant at, Channel channel) {
        City place = channel.cardPresent() ? where : card.home();
        return new Transaction(idPrefix + sequence++, card.cardId(), localAmount, place.currency(), merchantId,
                category, place.country(), jitter(place.latitude()), jitter(place.longitude()), at, channel);
    }

    /** A merchant of the city and category; a few per pair, as in a real high street. */
    String merchantOf(City city, String category) {
        return "m-" + city.name().toLowerCase().replace(' ', '-') + "-" + category + "-" + random.nextInt(5);
    }

    /** An online shop of the category: not tied to a city, and more of them than on a high street. */
    String onlineMerchantOf(String category) {
        return "m-online-" + category + "-" + random.nextInt(20);
    }

    /** A merchant where the card is used through {@code channel}: in {@code city} or online. */
    String merchantOf(City city, String category, Channel channel) {
        return channel.cardPresent() ? merchantOf(city, category) : onlineMerchantOf(category);
    }

    /** {@code units} of the currency of {@code where}, with its decimals, never less than its smallest unit. */
    static BigDecimal localAmount(double units, City where) {
        int decimals = Currency.getInstance(where.currency()).getDefaultFractionDigits();
        BigDecimal amount = BigDecimal.valueOf(units).setScale(decimals, RoundingMode.HALF_UP);
        return amount.signum() > 0 ? amount : BigDecimal.ONE.movePointLeft(decimals).setScale(decimals);
    }

    /** Within a few kilometres of the city centre. */
    private double jitter(double coordinate) {
        return BigDecimal.valueOf(coordinate + (random.nextDouble() - 0.5) * 0.05)
                .setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
