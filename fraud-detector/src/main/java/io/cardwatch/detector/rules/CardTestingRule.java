package io.cardwatch.detector.rules;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Flags the pattern of a stolen card being tested: a burst of tiny amounts, then a large one, within a short
 * window.
 */
final class CardTestingRule extends Rule {

    static final String CODE = "CARD_TESTING";

    private final BigDecimal smallAmount;
    private final int smallCount;
    private final BigDecimal largeAmount;
    private final Duration window;

    CardTestingRule(BigDecimal smallAmount, int smallCount, BigDecimal largeAmount, Duration window) {
        super(CODE, 400);
        this.smallAmount = smallAmount;
        this.smallCount = smallCount;
        this.largeAmount = largeAmount;
        this.window = window;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        if (transaction.amount().compareTo(largeAmount) < 0) {
            return Optional.empty();
        }
        long small = evidence.profile().within(window, transaction.eventTime()).stream()
                .filter(activity -> activity.amount().compareTo(smallAmount) <= 0)
                .count();
        if (small < smallCount) {
            return Optional.empty();
        }
        return Optional.of(small + " transactions of at most " + smallAmount.toPlainString() + " in "
                + window.toSeconds() + " s before " + transaction.amount().toPlainString() + ", limit " + smallCount);
    }
}
