package io.cardwatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to simulate. The same settings always give the same transactions, in the same order.
 *
 * @param seed      seeds every random choice
 * @param cards     size of the card population
 * @param spacing   event time between two generated transactions
 * @param fraudRate share of generated slots that start a fraud episode (an episode has one or more
 *                  transactions)
 * @param start     event time of the first transaction
 */
public record SimulationSettings(long seed, int cards, Duration spacing, double fraudRate, Instant start) {

    public SimulationSettings {
        if (cards < 1) {
            throw new IllegalArgumentException("At least one card is needed, not " + cards);
        }
        if (fraudRate < 0 || fraudRate > 1) {
            throw new IllegalArgumentException("The fraud rate is a share between 0 and 1, not " + fraudRate);
        }
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("The spacing cannot be negative: " + spacing);
        }
    }

    /**
     * Settings whose {@code count} generated slots cover the event time from {@code from} to {@code to}
     * evenly: for a history of days or months rather than a live run.
     */
    public static SimulationSettings covering(long seed, int cards, double fraudRate, long count, Instant from,
                                              Instant to) {
        if (count < 1 || !to.isAfter(from)) {
            throw new IllegalArgumentException("At least one transaction over a span of time, not " + count
                    + " from " + from + " to " + to);
        }
        return new SimulationSettings(seed, cards, Duration.between(from, to).dividedBy(count), fraudRate, from);
    }
}
