package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Random;

/** Builds transactions with deterministic IDs, amounts in the local currency and jittered locations. */
final class TransactionFactory {

    private final String idPrefix;
    private final Random random;
    private long sequence;

    TransactionFactory(long seed, Random random) {
        this.idPrefix = "sim-" + seed + "-";
        this.random = random;
    }

    Transaction create(Card card, City where, double euros, String category, String merchantId, Instant at) {
        return new Transaction(idPrefix + sequence++, card.cardId(), localAmount(euros, where), where.currency(),
                merchantId, category, where.country(), jitter(where.latitude()), jitter(where.longitude()), at);
    }

    /** A merchant of the city and category; a few per pair, as in a real high street. */
    String merchantOf(City city, String category) {
        return "m-" + city.name().toLowerCase().replace(' ', '-') + "-" + category + "-" + random.nextInt(5);
    }

    private static BigDecimal localAmount(double euros, City where) {
        int decimals = Currency.getInstance(where.currency()).getDefaultFractionDigits();
        BigDecimal amount = BigDecimal.valueOf(Math.max(1.0, euros) * where.unitsPerEuro())
                .setScale(decimals, RoundingMode.HALF_UP);
        return amount.signum() > 0 ? amount : BigDecimal.ONE.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Within a few kilometres of the city centre. */
    private double jitter(double coordinate) {
        return BigDecimal.valueOf(coordinate + (random.nextDouble() - 0.5) * 0.05)
                .setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
