package io.cardwatch.detector.model;

import io.cardwatch.detector.profile.Activity;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.profile.DailyHabit;
import io.cardwatch.detector.profile.DecayingStats;
import io.cardwatch.detector.profile.GreatCircle;
import io.cardwatch.detector.profile.HomeArea;
import io.cardwatch.detector.profile.LocalClock;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a fraud model sees of a transaction: how it compares with its card's own habits, from the same profile the
 * rules read, before the transaction is learnt. One function for the topology, the backtest and training, so that
 * a model is trained on exactly what it is later served. Every feature is relative to the card (multiples of its
 * typical amount, shares of its hours and channels, its recent pace) or a plain fact of the transaction (its
 * local hour, its channel), never an absolute amount: amounts are in each card's own currency. A feature
 * without the history to say anything is NaN, which the trees treat as missing.
 */
public final class Features {

    /** The names, in the order of {@link #of}'s array; a model must list exactly these. */
    public static final List<String> NAMES = List.of(
            "card_history",
            "amount_vs_typical",
            "amount_spreads",
            "amount_vs_category_typical",
            "category_history",
            "merchant_known",
            "category_known",
            "card_present",
            "channel_share",
            "local_hour",
            "hour_share",
            "seconds_since_last",
            "count_1m",
            "count_10m",
            "count_1h",
            "count_24h",
            "amount_1h_vs_typical",
            "amount_24h_vs_typical",
            "small_count_10m",
            "km_from_last",
            "speed_from_last",
            "km_from_home",
            "new_country",
            "day_spend_vs_usual",
            "day_count_vs_usual",
            "alerts_24h",
            "seconds_since_alert",
            "confirmed_fraud");

    // A card whose amounts barely vary still has purchases a quarter apart in size (as the amount rules say).
    private static final double MIN_LOG_SPREAD = 0.25;
    // Far below the card's typical purchase: what a probe of a stolen card's number looks like.
    private static final double SMALL_SHARE_OF_TYPICAL = 0.1;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final int AROUND_HOUR = 1;

    private Features() {
    }

    /** The features of {@code transaction} against {@code profile}, its card's profile before it. */
    public static double[] of(Transaction transaction, CardProfile profile) {
        double[] x = new double[NAMES.size()];
        Instant time = transaction.eventTime();
        double amount = transaction.amount().doubleValue();
        double logAmount = Math.log(amount);
        DecayingStats usual = profile.amountsIn(transaction.currency());
        DecayingStats inCategory = profile.amountsIn(transaction.currency(), transaction.merchantCategory());
        boolean known = usual.weight() > 0;
        double typical = known ? Math.exp(usual.mean()) : Double.NaN;
        Channel channel = transaction.channel();
        boolean locatesCard = Activity.of(transaction).locatesCard();

        int i = 0;
        x[i++] = Math.log1p(profile.count());
        x[i++] = known ? logAmount - usual.mean() : Double.NaN;
        x[i++] = known ? (logAmount - usual.mean()) / Math.max(usual.standardDeviation(), MIN_LOG_SPREAD) : Double.NaN;
        x[i++] = inCategory.weight() > 0 ? logAmount - inCategory.mean() : Double.NaN;
        x[i++] = Math.log1p(inCategory.weight());
        x[i++] = indicator(profile.knowsMerchant(transaction.merchantId()));
        x[i++] = indicator(profile.knowsCategory(transaction.merchantCategory()));
        x[i++] = indicator(locatesCard);
        x[i++] = channel == null || profile.knownChannelWeight() == 0 ? Double.NaN
                : profile.channelWeight(channel) / profile.knownChannelWeight();
        int hour = LocalClock.hour(time, transaction.longitude());
        x[i++] = hour;
        x[i++] = profile.habitWeight() > 0 ? profile.shareOfHours(hour, AROUND_HOUR) : Double.NaN;
        x[i++] = profile.lastEventTime() == null ? Double.NaN
                : Math.log1p(Math.max(0, Duration.between(profile.lastEventTime(), time).toSeconds()));

        // One pass over the card's recent transactions for every windowed feature.
        Instant minute = time.minus(Duration.ofMinutes(1));
        Instant tenMinutes = time.minus(Duration.ofMinutes(10));
        Instant hourAgo = time.minus(Duration.ofHours(1));
        Instant dayAgo = time.minus(Duration.ofHours(24));
        int count1m = 0;
        int count10m = 0;
        int count1h = 0;
        int count24h = 0;
        // The transaction itself counts in its windows' amounts and small purchases, not in their counts.
        int small10m = known && amount < SMALL_SHARE_OF_TYPICAL * typical ? 1 : 0;
        int alerts24h = 0;
        double spent1h = amount;
        double spent24h = amount;
        for (Activity activity : profile.recent()) {
            Instant at = activity.eventTime();
            if (!at.isAfter(dayAgo) || at.isAfter(time)) {
                continue;
            }
            count24h++;
            boolean sameCurrency = activity.currency().equals(transaction.currency());
            double spent = sameCurrency ? activity.amount().doubleValue() : 0;
            spent24h += spent;
            if (activity.alerted()) {
                alerts24h++;
            }
            if (at.isAfter(hourAgo)) {
                count1h++;
                spent1h += spent;
            }
            if (at.isAfter(tenMinutes)) {
                count10m++;
                if (known && sameCurrency && spent < SMALL_SHARE_OF_TYPICAL * typical) {
                    small10m++;
                }
            }
            if (at.isAfter(minute)) {
                count1m++;
            }
        }
        x[i++] = count1m;
        x[i++] = count10m;
        x[i++] = count1h;
        x[i++] = count24h;
        x[i++] = known ? Math.log(spent1h) - usual.mean() : Double.NaN;
        x[i++] = known ? Math.log(spent24h) - usual.mean() : Double.NaN;
        x[i++] = small10m;

        Optional<Activity> last = locatesCard ? profile.latestLocatedAtOrBefore(time) : Optional.empty();
        if (last.isPresent()) {
            double km = GreatCircle.km(last.get().latitude(), last.get().longitude(), transaction.latitude(),
                    transaction.longitude());
            double hours = Math.max(1, Duration.between(last.get().eventTime(), time).toSeconds()) / SECONDS_PER_HOUR;
            x[i++] = Math.log1p(km);
            x[i++] = Math.log1p(km / hours);
        } else {
            x[i++] = Double.NaN;
            x[i++] = Double.NaN;
        }
        HomeArea home = profile.home();
        x[i++] = locatesCard && home.weight() > 0 ? Math.log1p(GreatCircle.km(home.latitude(), home.longitude(),
                transaction.latitude(), transaction.longitude())) : Double.NaN;
        x[i++] = locatesCard && !profile.countries().isEmpty()
                ? indicator(!profile.countries().contains(transaction.country())) : Double.NaN;

        DailyHabit days = profile.days();
        boolean dayHistory = days.spends().weight() > 0 && transaction.currency().equals(days.currency());
        DailyHabit.SoFar today = days.soFar(LocalClock.day(time, transaction.longitude()));
        x[i++] = dayHistory && days.spends().mean() > 0
                ? Math.log((today.spend() + amount) / days.spends().mean()) : Double.NaN;
        x[i++] = days.counts().weight() > 0 && days.counts().mean() > 0
                ? (today.count() + 1) / days.counts().mean() : Double.NaN;
        x[i++] = alerts24h;
        x[i++] = profile.lastAlertTime() == null || profile.lastAlertTime().isAfter(time) ? Double.NaN
                : Math.log1p(Duration.between(profile.lastAlertTime(), time).toSeconds());
        x[i++] = indicator(profile.mark() != null);
        return x;
    }

    private static double indicator(boolean value) {
        return value ? 1 : 0;
    }
}
