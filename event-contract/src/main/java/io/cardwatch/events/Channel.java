package io.cardwatch.events;

/**
 * How the card took part in a transaction, after the point-of-service condition of ISO 8583: a card read at a
 * terminal, an online purchase, a cash withdrawal, or an order taken by mail or phone. Fraud on a stolen card
 * number moves online; fraud on a stolen card shows up in person.
 */
public enum Channel {
    CARD_PRESENT,
    ECOMMERCE,
    ATM,
    MAIL_PHONE;

    /** Whether the card itself was at the terminal, so that its location says where the card is. */
    public boolean cardPresent() {
        return this == CARD_PRESENT || this == ATM;
    }
}
