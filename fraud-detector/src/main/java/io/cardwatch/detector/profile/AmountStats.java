package io.cardwatch.detector.profile;

import java.math.BigDecimal;

/**
 * Count, running mean and variance of a card's amounts in one currency, updated one transaction at a time
 * (Welford's method, so that no history needs to be kept).
 */
public record AmountStats(long count, double mean, double sumOfSquaredDeviations) {

    static final AmountStats NONE = new AmountStats(0, 0, 0);

    AmountStats with(BigDecimal amount) {
        double value = amount.doubleValue();
        long newCount = count + 1;
        double delta = value - mean;
        double newMean = mean + delta / newCount;
        return new AmountStats(newCount, newMean, sumOfSquaredDeviations + delta * (value - newMean));
    }

    public double variance() {
        return count < 2 ? 0 : sumOfSquaredDeviations / (count - 1);
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }
}
