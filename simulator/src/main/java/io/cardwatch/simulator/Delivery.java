package io.cardwatch.simulator;

/** How a sent transaction ended. */
public enum Delivery {
    /** Durably accepted (HTTP 202, or acknowledged by Kafka). */
    ACCEPTED,
    /** Refused as invalid (HTTP 4xx): sending it again would not help. */
    REFUSED,
    /** Still not accepted when the sender gave up retrying. */
    FAILED
}
