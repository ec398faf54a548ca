package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Flags a card that spent more than {@code limit} in a sliding event-time window, in the transaction's
 * currency, this transaction included.
 */
final class VelocityAmountRule implements ScoringRule {

    private final String code;
    private final Duration window;
    private final BigDecimal limit;
    private final int points;

    VelocityAmountRule(String windowLabel, Duration window, BigDecimal limit, int points) {
        this.code = "VELOCITY_AMOUNT_" + windowLabel;
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
        BigDecimal total = evidence.activity().within(window, transaction.eventTime()).stream()
                .filter(activity -> activity.currency().equals(transaction.currency()))
                .map(Activity::amount)
                .reduce(transaction.amount(), BigDecimal::add);
        if (total.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(total.toPlainString() + " " + transaction.currency() + " in " + window.toSeconds()
                + " s, limit " + limit.toPlainString());
    }
}
