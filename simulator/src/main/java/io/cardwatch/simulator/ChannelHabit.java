package io.cardwatch.simulator;

/**
 * How a cardholder uses the card, as shares of their everyday purchases: online, cash withdrawals at a
 * cash machine, orders by mail or phone; the rest are card-present purchases. A card with no online and no
 * mail or phone share only ever buys in person.
 */
record ChannelHabit(double online, double atm, double mailPhone) {

    static final ChannelHabit IN_PERSON = new ChannelHabit(0, 0, 0);

    ChannelHabit {
        if (online < 0 || atm < 0 || mailPhone < 0 || online + atm + mailPhone > 1) {
            throw new IllegalArgumentException("Shares between 0 and 1, together at most 1: " + online + ", " + atm
                    + ", " + mailPhone);
        }
    }

    /** Whether the holder never buys without the card at the terminal. */
    boolean inPersonOnly() {
        return online == 0 && mailPhone == 0;
    }

    /** The same habit, buying online at least {@code share} of the time: a holder who took to it. */
    ChannelHabit buyingOnlineAtLeast(double share) {
        return online >= share ? this : new ChannelHabit(share, atm, mailPhone);
    }
}
