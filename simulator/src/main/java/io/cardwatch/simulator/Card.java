package io.cardwatch.simulator;

import java.util.List;

/**
 * A simulated cardholder's habits: where they live, what they usually spend (log-normal around
 * {@code typicalAmount}), where they shop, the local hours they are awake, and how they use the card
 * ({@code channels}: in person only, or also online, at cash machines, by mail or phone).
 */
record Card(String cardId, City home, double typicalAmount, List<String> merchantCategories, int wakesAt,
            int sleepsAt, ChannelHabit channels) {

    boolean isAwakeAt(int localHour) {
        return localHour >= wakesAt && localHour < sleepsAt;
    }
}
