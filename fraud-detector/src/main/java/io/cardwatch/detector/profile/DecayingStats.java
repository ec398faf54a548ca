package io.cardwatch.detector.profile;

/**
 * Weight, mean and spread of a value (such as the logarithm of an amount) over a card's history, where older
 * observations count for less: {@link #decayed} scales the weight down as time passes, and each new
 * observation comes in with weight one (West's weighted form of Welford's method, so no history is kept).
 */
public record DecayingStats(double weight, double mean, double sumOfSquaredDeviations) {

    static final DecayingStats NONE = new DecayingStats(0, 0, 0);

    DecayingStats with(double value) {
        double newWeight = weight + 1;
        double delta = value - mean;
        double newMean = mean + delta / newWeight;
        return new DecayingStats(newWeight, newMean, sumOfSquaredDeviations + delta * (value - newMean));
    }

    DecayingStats decayed(double factor) {
        return factor == 1 ? this : new DecayingStats(weight * factor, mean, sumOfSquaredDeviations * factor);
    }

    public double standardDeviation() {
        return weight <= 1 ? 0 : Math.sqrt(sumOfSquaredDeviations / weight);
    }
}
