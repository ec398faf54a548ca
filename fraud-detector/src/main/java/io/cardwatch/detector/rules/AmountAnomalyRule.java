package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.DecayingStats;
import io.cardwatch.detector.profile.MerchantCategories;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags an amount far above what this card usually spends in that kind of shop: against the card's own
 * log-amounts in the merchant-category group, once it has a history there (a card's grocery bills say little
 * about its first flight: a high first purchase in a new group is NEW_MERCHANT_HIGH_AMOUNT's). Amounts of one
 * person's purchases are roughly log-normal, so the distance is measured in spreads of the logarithm, and the
 * amount must also be a multiple of the typical one, so that a card with very even amounts is not flagged for
 * a little more. The finding weighs more the larger the multiple: half its weight up to about three times the
 * typical amount, all of it from ten times, and from twice the spreads limit.
 */
final class AmountAnomalyRule extends Rule {

    static final String CODE = "AMOUNT_ANOMALY";
    // A card whose amounts barely vary still has purchases a quarter apart in size.
    private static final double MIN_LOG_SPREAD = 0.25;
    private static final double FULL_STRENGTH_MULTIPLE = 10;

    private final double minHistory;
    private final double spreadsLimit;
    private final double minMultiple;

    AmountAnomalyRule(double minHistory, double spreadsLimit, double minMultiple) {
        super(CODE, 300);
        this.minHistory = minHistory;
        this.spreadsLimit = spreadsLimit;
        this.minMultiple = minMultiple;
    }

    // A large multiple of a card whose amounts in the group vary widely (cash withdrawals, say) is less
    // surprising: the finding weighs the lesser of what its multiple and its spreads say.
    @Override
    public double strength(Transaction transaction, Evidence evidence) {
        DecayingStats stats = norm(transaction, evidence);
        double logAmount = Math.log(transaction.amount().doubleValue());
        double byMultiple = (logAmount - stats.mean()) / Math.log(FULL_STRENGTH_MULTIPLE);
        double bySpreads = spreads(logAmount, stats) / (2 * spreadsLimit);
        return graded(Math.min(byMultiple, bySpreads));
    }

    private static double spreads(double logAmount, DecayingStats stats) {
        return (logAmount - stats.mean()) / Math.max(stats.standardDeviation(), MIN_LOG_SPREAD);
    }

    private DecayingStats norm(Transaction transaction, Evidence evidence) {
        return evidence.profile().amountsIn(transaction.currency(), transaction.merchantCategory());
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        DecayingStats stats = norm(transaction, evidence);
        if (!History.atLeast(stats.weight(), minHistory)) {
            return Optional.empty();
        }
        double logAmount = Math.log(transaction.amount().doubleValue());
        double spreads = spreads(logAmount, stats);
        double typical = Math.exp(stats.mean());
        double multiple = transaction.amount().doubleValue() / typical;
        if (spreads < spreadsLimit || multiple < minMultiple) {
            return Optional.empty();
        }
        String where = "at " + MerchantCategories.group(transaction.merchantCategory()) + " shops";
        return facts("amount %s %s is %.1f times the card's typical %.2f %s %s (%.0f purchases), %.1f spreads above, limit %.1f",
                transaction.amount().toPlainString(), transaction.currency(), multiple, typical,
                transaction.currency(), where, stats.weight(), spreads, spreadsLimit);
    }
}
