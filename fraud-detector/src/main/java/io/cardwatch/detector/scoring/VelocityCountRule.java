package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.util.Optional;

/** Flags a card used more than {@code limit} times in a sliding event-time window, this transaction included. */
final class VelocityCountRule implements ScoringRule {

    private final String code;
    private final Duration window;
    private final int limit;
    private final int points;

    VelocityCountRule(String windowLabel, Duration window, int limit, int points) {
        this.code = "VELOCITY_" + windowLabel;
        this.window = window;
        this.limit = limit;
        this.points = points;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int defaultPoints() {
        return points;
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
