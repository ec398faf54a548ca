package io.cardwatch.review.overview;

import java.time.Instant;
import java.util.List;

/**
 * The overview's figures as of one instant: alert volume per day (UTC) over {@code days} days and per hour over
 * the last 24 hours, the open queue by age, and per reason code how the resolved alerts that gave it turned out.
 */
public record Overview(Instant asOf, int days, long open, List<Count> perDay, List<Count> perHour,
                       List<Count> queueAge, List<ReasonPrecision> precision) {

    public Overview {
        perDay = List.copyOf(perDay);
        perHour = List.copyOf(perHour);
        queueAge = List.copyOf(queueAge);
        precision = List.copyOf(precision);
    }

    /** A labelled count: a day, an hour or an age bucket. */
    public record Count(String label, long count) {
    }

    /**
     * How often a reason was right: of the resolved alerts whose decision gave it, how many were confirmed fraud.
     *
     * @param precision confirmed / resolved, rounded to 3 decimals
     */
    public record ReasonPrecision(String code, long confirmed, long legitimate, long resolved, double precision) {

        static ReasonPrecision of(String code, long confirmed, long legitimate) {
            long resolved = confirmed + legitimate;
            double precision = resolved == 0 ? 0 : Math.round(1000.0 * confirmed / resolved) / 1000.0;
            return new ReasonPrecision(code, confirmed, legitimate, resolved, precision);
        }
    }
}
