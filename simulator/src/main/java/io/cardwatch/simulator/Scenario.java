package io.cardwatch.simulator;

import java.util.List;

/**
 * The ground-truth label of a simulated transaction: legitimate, or the fraud pattern it belongs to. Sizes,
 * amounts and timings of each episode vary within the ranges of docs/simulator.md.
 */
public enum Scenario {
    LEGITIMATE,
    /** A stolen card used in person for several large purchases in quick succession. */
    STOLEN_CARD_SPREE,
    /** Tiny online amounts to check that a card works, then a large purchase. */
    CARD_TESTING,
    /** The card used in person where its holder is and, shortly after, on another continent. */
    IMPOSSIBLE_TRAVEL,
    /** One purchase many times the card's usual amount. */
    AMOUNT_SPIKE,
    /** A burst of online gambling purchases in the cardholder's night. */
    NIGHT_BURST,
    /** A purchase at a merchant known to be fraudulent. */
    BLOCKLISTED_MERCHANT,
    /**
     * Someone else takes over the card and uses it over a day or two, at hours its holder sleeps (in the
     * holder's local time), for several times the holder's usual spend, in categories the holder uses and
     * others; mostly online, sometimes in person.
     */
    ACCOUNT_TAKEOVER,
    /**
     * A few purchases of a unit or two of the local currency (or a fuel pre-authorisation of one unit) at
     * fuel or transport merchants, minutes apart, to see whether the card works; sometimes followed by a
     * larger purchase. In person or not.
     */
    PROBING,
    /**
     * A card that has only ever been used in person is used online: a few purchases of digital goods or
     * electronics within an hour or two, at several times its usual amount.
     */
    ONLINE_ON_IN_PERSON_CARD;

    /** The merchants of {@link #BLOCKLISTED_MERCHANT} episodes, which a detection run puts on the blocklist. */
    public static List<String> blocklistedMerchants() {
        return FraudEpisodes.BLOCKLISTED_MERCHANTS;
    }

    public boolean isFraud() {
        return this != LEGITIMATE;
    }

    /** Every fraud scenario, in declaration order. */
    public static List<Scenario> fraud() {
        return java.util.Arrays.stream(values()).filter(Scenario::isFraud).toList();
    }
}
