package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.DecayingStats;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Flags a run of tiny purchases within a few minutes, this one among them: a stolen card number checked with
 * small amounts before it is spent. Tiny is at most {@code smallAmount}, or a tenth of the card's typical
 * amount, whichever is larger, so that it holds in every currency.
 */
final class ProbingRule extends Rule {

    static final String CODE = "PROBING";
    private static final double TENTH = 0.1;

    private final BigDecimal smallAmount;
    private final int count;
    private final Duration window;

    ProbingRule(BigDecimal smallAmount, int count, Duration window) {
        super(CODE, 300);
        this.smallAmount = smallAmount;
        this.count = count;
        this.window = window;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        DecayingStats amounts = evidence.profile().amountsIn(transaction.currency());
        double tiny = Math.max(smallAmount.doubleValue(),
                amounts.weight() == 0 ? 0 : TENTH * Math.exp(amounts.mean()));
        if (transaction.amount().doubleValue() > tiny) {
            return Optional.empty();
        }
        long small = evidence.profile().within(window, transaction.eventTime()).stream()
                .filter(activity -> activity.currency().equals(transaction.currency())
                        && activity.amount().doubleValue() <= tiny)
                .count() + 1;
        if (small < count) {
            return Optional.empty();
        }
        return facts("%d purchases of at most %.2f %s in %d s, limit %d", small, tiny,
                transaction.currency(), window.toSeconds(), count);
    }
}
