package io.cardwatch.detector.profile;

import java.time.Instant;

/** A transaction ID the card has had, remembered for the de-duplication horizon after the card's latest. */
public record Seen(String transactionId, Instant eventTime) {
}
