package io.cardwatch.detector.profile;

/**
 * A card's usual day and its day so far, in local time: how many transactions and how much spend (in the
 * card's first currency) its active days usually have, and what the current local day has had until now.
 */
public record DailyHabit(long day, int count, double spend, String currency, DecayingStats counts,
                         DecayingStats spends) {

    static final DailyHabit NONE = new DailyHabit(Long.MIN_VALUE, 0, 0, null, DecayingStats.NONE, DecayingStats.NONE);

    /** The count and spend of local day {@code localDay} before the transaction being scored. */
    public DailyHabit.SoFar soFar(long localDay) {
        return localDay == day ? new SoFar(count, spend) : SoFar.NOTHING;
    }

    DailyHabit with(long localDay, String transactionCurrency, double amount) {
        String primary = currency == null ? transactionCurrency : currency;
        double spent = transactionCurrency.equals(primary) ? amount : 0;
        if (localDay == day) {
            return new DailyHabit(day, count + 1, spend + spent, primary, counts, spends);
        }
        if (localDay < day) {
            // A late transaction of a past day: that day has been folded into the habit already.
            return new DailyHabit(day, count, spend, primary, counts, spends);
        }
        return new DailyHabit(localDay, 1, spent, primary, count == 0 ? counts : counts.with(count),
                count == 0 ? spends : spends.with(spend));
    }

    DailyHabit decayed(double factor) {
        return factor == 1 ? this : new DailyHabit(day, count, spend, currency, counts.decayed(factor),
                spends.decayed(factor));
    }

    /** What a day has had so far. */
    public record SoFar(int count, double spend) {
        static final SoFar NOTHING = new SoFar(0, 0);
    }
}
