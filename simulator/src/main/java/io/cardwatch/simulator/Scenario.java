package io.cardwatch.simulator;

import java.util.List;

/** The ground-truth label of a simulated transaction: legitimate, or the fraud pattern it belongs to. */
public enum Scenario {
    LEGITIMATE,
    /** A stolen card used for several large purchases in quick succession. */
    STOLEN_CARD_SPREE,
    /** Tiny amounts to check that a card works, then a large purchase. */
    CARD_TESTING,
    /** The card used at home and, shortly after, on another continent. */
    IMPOSSIBLE_TRAVEL,
    /** One purchase many times the card's usual amount. */
    AMOUNT_SPIKE,
    /** A burst of purchases in the cardholder's night. */
    NIGHT_BURST,
    /** A purchase at a merchant known to be fraudulent. */
    BLOCKLISTED_MERCHANT;

    /** The merchants of {@link #BLOCKLISTED_MERCHANT} episodes, which a detection run puts on the blocklist. */
    public static List<String> blocklistedMerchants() {
        return FraudEpisodes.BLOCKLISTED_MERCHANTS;
    }

    public boolean isFraud() {
        return this != LEGITIMATE;
    }
}
