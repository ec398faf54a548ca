package io.cardwatch.events;

/** Kafka headers that Cardwatch events carry besides their key and value. */
public final class EventHeaders {

    /** The authenticated producer that posted a transaction to the gateway. */
    public static final String PRODUCER_ID = "cardwatch.producer-id";

    private EventHeaders() {
    }
}
