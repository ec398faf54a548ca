package io.cardwatch.detector.rules;

import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Flags a card used more than {@code limit} times in a sliding event-time window, this transaction included. */
final class VelocityCountRule extends Rule {

    private final Duration window;
    private final int limit;

    private VelocityCountRule(String windowLabel, Duration window, int limit, int points) {
        super("VELOCITY_" + windowLabel, points);
        this.window = window;
        this.limit = limit;
    }

    /** One rule a window, each with its limit; a burst within a minute weighs most. */
    static List<ScoringRule> windows(int perMinute, int perTenMinutes, int perHour, int perDay) {
        return List.of(new VelocityCountRule("1M", Duration.ofMinutes(1), perMinute, 300),
                new VelocityCountRule("10M", Duration.ofMinutes(10), perTenMinutes, 150),
                new VelocityCountRule("1H", Duration.ofHours(1), perHour, 150),
                new VelocityCountRule("24H", Duration.ofHours(24), perDay, 100));
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        int count = evidence.profile().within(window, transaction.eventTime()).size() + 1;
        if (count <= limit) {
            return Optional.empty();
        }
        return Optional.of(count + " transactions in " + window.toSeconds() + " s, limit " + limit);
    }
}
