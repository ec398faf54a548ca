package io.cardwatch.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Draws a population of cardholders with their own habits. */
final class CardPopulation {

    /** Everyday merchant categories (ISO 18245): grocery, restaurants, fuel, pharmacy, transit, ... */
    static final List<String> EVERYDAY_CATEGORIES =
            List.of("5411", "5812", "5541", "5912", "5311", "4111", "5814", "5999", "4121", "5651");

    /** Share of cards that also buy online. */
    static final double ONLINE_BUYERS = 0.45;
    /** Share of cards that also withdraw cash at cash machines. */
    static final double ATM_USERS = 0.45;
    /** Share of cards that also order by mail or phone. */
    static final double MAIL_PHONE_BUYERS = 0.03;

    private CardPopulation() {
    }

    static List<Card> draw(int size, Random random) {
        List<Card> cards = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            City home = Cities.ALL.get(random.nextInt(Cities.ALL.size()));
            double typicalAmount = 15 + random.nextDouble() * 85;
            List<String> categories = new ArrayList<>(EVERYDAY_CATEGORIES);
            Collections.shuffle(categories, random);
            int wakesAt = 6 + random.nextInt(4);
            int sleepsAt = 21 + random.nextInt(3);
            cards.add(new Card("card-" + i, home, typicalAmount, List.copyOf(categories.subList(0, 4)), wakesAt,
                    sleepsAt, channelHabit(random)));
        }
        return cards;
    }

    /** Most cards buy only in person, some withdrawing cash; a share also buy online; a few by mail or phone. */
    private static ChannelHabit channelHabit(Random random) {
        double online = random.nextDouble() < ONLINE_BUYERS ? 0.05 + random.nextDouble() * 0.35 : 0;
        double atm = random.nextDouble() < ATM_USERS ? 0.02 + random.nextDouble() * 0.06 : 0;
        double mailPhone = random.nextDouble() < MAIL_PHONE_BUYERS ? 0.01 + random.nextDouble() * 0.03 : 0;
        return new ChannelHabit(online, atm, mailPhone);
    }
}
