package io.cardwatch.detector.rules;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.DecayingStats;
import io.cardwatch.detector.profile.History;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * Flags a high amount at a merchant, or in a merchant category, the card has never used: a thief buys what
 * resells, where the holder never shops. A first visit at an everyday amount is normal and passes. The
 * finding weighs more the larger the multiple of the card's typical amount: half its weight up to about five
 * times, all of it from twenty times.
 */
final class NewMerchantHighAmountRule extends Rule {

    static final String CODE = "NEW_MERCHANT_HIGH_AMOUNT";
    private static final double FULL_STRENGTH_MULTIPLE = 20;

    private final double minHistory;
    private final double minMultiple;

    NewMerchantHighAmountRule(double minHistory, double minMultiple) {
        super(CODE, 300);
        this.minHistory = minHistory;
        this.minMultiple = minMultiple;
    }

    @Override
    public double strength(Transaction transaction, Evidence evidence) {
        double multiple = transaction.amount().doubleValue()
                / Math.exp(evidence.profile().amountsIn(transaction.currency()).mean());
        return graded(Math.log(multiple) / Math.log(FULL_STRENGTH_MULTIPLE));
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        CardProfile profile = evidence.profile();
        DecayingStats amounts = profile.amountsIn(transaction.currency());
        if (!History.atLeast(amounts.weight(), minHistory) || profile.knowsMerchant(transaction.merchantId())) {
            return Optional.empty();
        }
        double typical = Math.exp(amounts.mean());
        double multiple = transaction.amount().doubleValue() / typical;
        if (multiple < minMultiple) {
            return Optional.empty();
        }
        String what = profile.knowsCategory(transaction.merchantCategory())
                ? "first purchase at merchant " + transaction.merchantId()
                : "first purchase in category " + transaction.merchantCategory() + ", at merchant "
                        + transaction.merchantId();
        return facts("%s: %s %s, %.1f times the card's typical %.2f, limit %.1f",
                what, transaction.amount().toPlainString(), transaction.currency(), multiple, typical, minMultiple);
    }
}
