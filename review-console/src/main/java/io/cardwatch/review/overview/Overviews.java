package io.cardwatch.review.overview;

import io.cardwatch.review.ReviewConfiguration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the overview's figures in PostgreSQL: volumes along {@code alerts_raised_at}, the queue's age along
 * {@code alerts_queue}, precision over the resolved alerts along {@code alerts_status_queue}.
 */
@Singleton
class Overviews {

    /** Upper bounds of the age buckets of the open queue; the last bucket is everything older. */
    static final List<Duration> AGE_LIMITS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24),
            Duration.ofDays(3), Duration.ofDays(7));
    static final List<String> AGE_LABELS = List.of("< 1 h", "1-4 h", "4-24 h", "1-3 d", "3-7 d", "> 7 d");

    private static final String VOLUME = """
            SELECT date_trunc(?, raised_at AT TIME ZONE 'UTC') AS bucket, count(*) AS alerts
            FROM alerts WHERE raised_at >= ? AND raised_at < ? GROUP BY 1""";

    private static final String QUEUE_AGE = """
            SELECT count(*) FILTER (WHERE raised_at > ?) AS b0,
                   count(*) FILTER (WHERE raised_at <= ? AND raised_at > ?) AS b1,
                   count(*) FILTER (WHERE raised_at <= ? AND raised_at > ?) AS b2,
                   count(*) FILTER (WHERE raised_at <= ? AND raised_at > ?) AS b3,
                   count(*) FILTER (WHERE raised_at <= ? AND raised_at > ?) AS b4,
                   count(*) FILTER (WHERE raised_at <= ?) AS b5
            FROM alerts WHERE status IN ('OPEN', 'ESCALATED')""";

    private static final String PRECISION = """
            SELECT reason ->> 'code' AS code,
                   count(*) FILTER (WHERE a.status = 'CONFIRMED_FRAUD') AS confirmed,
                   count(*) FILTER (WHERE a.status = 'LEGITIMATE') AS legitimate
            FROM alerts a CROSS JOIN LATERAL jsonb_array_elements(a.reasons) AS reason
            WHERE a.status IN ('CONFIRMED_FRAUD', 'LEGITIMATE') AND a.resolved_at >= ?
            GROUP BY 1 ORDER BY count(*) DESC, 1""";

    private final JdbcOperations jdbc;
    private final int days;

    Overviews(JdbcOperations jdbc, ReviewConfiguration configuration) {
        this.jdbc = jdbc;
        this.days = configuration.overviewDays();
    }

    @Transactional(readOnly = true)
    Overview figures(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant firstDay = today.minus(days - 1L, ChronoUnit.DAYS);
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = thisHour.minus(23, ChronoUnit.HOURS);
        List<Overview.Count> queueAge = queueAge(now);
        long open = queueAge.stream().mapToLong(Overview.Count::count).sum();
        return new Overview(now, days, open,
                volume("day", firstDay, today.plus(1, ChronoUnit.DAYS), ChronoUnit.DAYS, days),
                volume("hour", firstHour, thisHour.plus(1, ChronoUnit.HOURS), ChronoUnit.HOURS, 24),
                queueAge, precision(firstDay));
    }

    private List<Overview.Count> volume(String unit, Instant from, Instant to, ChronoUnit step, int buckets) {
        Map<Instant, Long> counted = jdbc.prepareStatement(VOLUME, statement -> {
            statement.setString(1, unit);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            Map<Instant, Long> counts = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    // A timestamp without zone, in UTC: read it as the local date-time it is.
                    LocalDateTime bucket = row.getObject("bucket", LocalDateTime.class);
                    counts.put(bucket.toInstant(ZoneOffset.UTC), row.getLong("alerts"));
                }
            }
            return counts;
        });
        List<Overview.Count> counts = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            Instant bucket = from.plus(i, step);
            String label = step == ChronoUnit.DAYS ? bucket.toString().substring(0, 10) : bucket.toString().substring(11, 16);
            counts.add(new Overview.Count(label, counted.getOrDefault(bucket, 0L)));
        }
        return counts;
    }

    private List<Overview.Count> queueAge(Instant now) {
        return jdbc.prepareStatement(QUEUE_AGE, statement -> {
            int parameter = 1;
            statement.setTimestamp(parameter++, Timestamp.from(now.minus(AGE_LIMITS.get(0))));
            for (int i = 1; i < AGE_LIMITS.size(); i++) {
                statement.setTimestamp(parameter++, Timestamp.from(now.minus(AGE_LIMITS.get(i - 1))));
                statement.setTimestamp(parameter++, Timestamp.from(now.minus(AGE_LIMITS.get(i))));
            }
            statement.setTimestamp(parameter, Timestamp.from(now.minus(AGE_LIMITS.get(AGE_LIMITS.size() - 1))));
            List<Overview.Count> counts = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                for (int i = 0; i < AGE_LABELS.size(); i++) {
                    counts.add(new Overview.Count(AGE_LABELS.get(i), row.getLong("b" + i)));
                }
            }
            return counts;
        });
    }

    private List<Overview.ReasonPrecision> precision(Instant resolvedFrom) {
        return jdbc.prepareStatement(PRECISION, statement -> {
            statement.setTimestamp(1, Timestamp.from(resolvedFrom));
            List<Overview.ReasonPrecision> precision = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    precision.add(Overview.ReasonPrecision.of(row.getString("code"), row.getLong("confirmed"),
                            row.getLong("legitimate")));
                }
            }
            return precision;
        });
    }
}
