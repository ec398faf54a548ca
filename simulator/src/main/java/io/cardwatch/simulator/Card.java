package io.cardwatch.simulator;

import java.util.List;

/**
 * A simulated cardholder's habits: where they live, what they usually spend (log-normal around
 * {@code typicalAmount}), where they shop, and the local hours they are awake.
 */
record Card(String cardId, City home, double typicalAmount, List<String> merchantCategories, int wakesAt,
            int sleepsAt) {

    boolean isAwakeAt(int localHour) {
        return localHour >= wakesAt && localHour < sleepsAt;
    }
}
