package io.cardwatch.detector.profile;

import java.time.Instant;

/**
 * The cardholder's local time where a transaction happened, as solar time from the longitude of the
 * transaction: no time-zone database is needed, and habits are compared against the card's own, so that the
 * hour or so between solar and civil time does not matter.
 */
public final class LocalClock {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final double SECONDS_PER_DEGREE = SECONDS_PER_DAY / 360.0;

    private LocalClock() {
    }

    /** Seconds since the epoch, shifted to local solar time. */
    static long localSeconds(Instant time, double longitude) {
        return time.getEpochSecond() + Math.round(longitude * SECONDS_PER_DEGREE);
    }

    /** The local hour of day, 0 to 23. */
    public static int hour(Instant time, double longitude) {
        return (int) (Math.floorMod(localSeconds(time, longitude), SECONDS_PER_DAY) / 3600);
    }

    /** The local day of the week, 0 (Monday) to 6 (Sunday). */
    public static int weekday(Instant time, double longitude) {
        // The epoch day 0, 1970-01-01, was a Thursday.
        return (int) Math.floorMod(day(time, longitude) + 3, 7);
    }

    /** The local day, as days since the epoch. */
    public static long day(Instant time, double longitude) {
        return Math.floorDiv(localSeconds(time, longitude), SECONDS_PER_DAY);
    }
}
