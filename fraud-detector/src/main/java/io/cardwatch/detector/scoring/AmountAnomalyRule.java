package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.AmountStats;
import io.cardwatch.events.Transaction;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags an amount far above what this card usually spends in the currency (z-score against its own running
 * mean and standard deviation). Only once the card has a history; before that {@link LargeAmountRule} applies.
 */
final class AmountAnomalyRule implements ScoringRule {

    static final String CODE = "AMOUNT_ANOMALY";
    // A card that always pays the same amount has no spread; a floor keeps a cent more from looking anomalous.
    private static final double MIN_SPREAD_OF_MEAN = 0.1;

    private final int coldStartTransactions;
    private final double zScoreLimit;

    AmountAnomalyRule(int coldStartTransactions, double zScoreLimit) {
        this.coldStartTransactions = coldStartTransactions;
        this.zScoreLimit = zScoreLimit;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public int defaultPoints() {
        return 250;
    }

    @Override
    public Optional<String> evaluate(Transaction transaction, Evidence evidence) {
        AmountStats stats = evidence.profile().amountsIn(transaction.currency());
        if (stats.count() < coldStartTransactions) {
            return Optional.empty();
        }
        double spread = Math.max(stats.standardDeviation(), Math.abs(stats.mean()) * MIN_SPREAD_OF_MEAN);
        double zScore = (transaction.amount().doubleValue() - stats.mean()) / spread;
        if (zScore < zScoreLimit) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "amount %s %s is %.1f standard deviations above the card's mean %.2f over %d transactions, limit %.1f",
                transaction.amount().toPlainString(), transaction.currency(), zScore, stats.mean(), stats.count(),
                zScoreLimit));
    }
}
