package io.cardwatch.detector.profile;

import java.time.Duration;

/**
 * How a card's profile remembers: habits fade with {@code halfLife} of event time, recent transactions are
 * kept for {@code recentWindow} after the card's latest, and transaction IDs for {@code dedupHorizon}.
 */
public record ProfileSettings(Duration halfLife, Duration recentWindow, Duration dedupHorizon) {
}
