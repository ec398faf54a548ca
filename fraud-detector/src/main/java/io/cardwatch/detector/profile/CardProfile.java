package io.cardwatch.detector.profile;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Label;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the detector keeps about one card, the single value of the card-profiles store keyed by card ID:
 * its behaviour (amounts per kind of shop, local hours and weekdays, its usual day, merchants, categories,
 * countries, home area and channels, all fading with event time so that old habits give way to new ones), its
 * recent transactions for the windowed rules, the IDs it has had within the de-duplication horizon, when
 * it last raised an alert, and whether an analyst confirmed it in the wrong hands. It changes only through
 * {@link #with}, {@link #withSuspect}, {@link #withSeen} and {@link #withLabel}, so the same transactions and
 * labels in the same order always give the same profile, online or in a backtest.
 *
 * @param amounts        log-amount statistics by currency ({@code EUR}) and by currency and merchant-category
 *                       group ({@code EUR groceries})
 * @param hours          decayed transaction counts by local hour, 0 to 23
 * @param mark           the confirmed fraud the card carries, or null
 * @param lastLabelledAt when the latest verdict applied to the card was given, or null: an older one is stale
 */
public record CardProfile(
        String cardId,
        long count,
        Instant lastEventTime,
        Double lastLatitude,
        Double lastLongitude,
        String lastCountry,
        Map<String, DecayingStats> amounts,
        List<Double> hours,
        List<Double> weekdays,
        DailyHabit days,
        List<String> merchants,
        List<String> categories,
        Set<String> countries,
        HomeArea home,
        Map<Channel, Double> channels,
        List<Activity> recent,
        List<Seen> seen,
        Instant lastAlertTime,
        FraudMark mark,
        Instant lastLabelledAt) {

    /** The name of the state store of profiles, which interactive queries read. */
    public static final String STORE = "card-profiles";

    /** Enough to recognise a card's regular shops without letting one card's state grow without bound. */
    static final int MAX_MERCHANTS = 64;
    static final int MAX_CATEGORIES = 32;
    private static final int HOURS = 24;
    private static final int WEEKDAYS = 7;

    // Every transaction rewrites its card's profile: what the methods below build is taken as it is, the rest
    // (a profile read from its store, say) is copied once.
    private static final Class<?> SORTED_MAP = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
    private static final Class<?> SORTED_SET = Collections.unmodifiableSortedSet(new TreeSet<>()).getClass();

    public CardProfile {
        amounts = amounts.getClass() == SORTED_MAP ? amounts : Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
        hours = List.copyOf(hours);
        weekdays = List.copyOf(weekdays);
        merchants = List.copyOf(merchants);
        categories = List.copyOf(categories);
        countries = countries.getClass() == SORTED_SET ? countries
                : Collections.unmodifiableSortedSet(new TreeSet<>(countries));
        channels = Collections.unmodifiableMap(channels.isEmpty() ? new EnumMap<>(Channel.class)
                : new EnumMap<>(channels));
        recent = List.copyOf(recent);
        seen = List.copyOf(seen);
    }

    public static CardProfile empty(String cardId) {
        return new CardProfile(cardId, 0, null, null, null, null, Map.of(), Collections.nCopies(HOURS, 0.0),
                Collections.nCopies(WEEKDAYS, 0.0), DailyHabit.NONE, List.of(), List.of(), Set.of(), HomeArea.NONE,
                Map.of(), List.of(), List.of(), null, null, null);
    }

    /** The key of the amount statistics of a currency, or of a currency and a merchant-category group. */
    static String amountKey(String currency, String category) {
        return category == null ? currency : currency + " " + MerchantCategories.group(category);
    }

    /** Log-amount statistics of this card in {@code currency}, all kinds of shop together. */
    public DecayingStats amountsIn(String currency) {
        return amounts.getOrDefault(amountKey(currency, null), DecayingStats.NONE);
    }

    /** Log-amount statistics of this card in {@code currency} at shops of the group of {@code category}. */
    public DecayingStats amountsIn(String currency, String category) {
        return amounts.getOrDefault(amountKey(currency, category), DecayingStats.NONE);
    }

    /** How much history the hour and weekday habits stand on (decayed transaction count). */
    public double habitWeight() {
        double total = 0;
        for (Double weight : hours) {
            total += weight;
        }
        return total;
    }

    /** The share of the card's history at local hours {@code hour - around} to {@code hour + around}. */
    public double shareOfHours(int hour, int around) {
        double total = habitWeight();
        if (total == 0) {
            return 0;
        }
        double near = 0;
        for (int offset = -around; offset <= around; offset++) {
            near += hours.get(Math.floorMod(hour + offset, HOURS));
        }
        return near / total;
    }

    public boolean knowsMerchant(String merchantId) {
        return merchants.contains(merchantId);
    }

    public boolean knowsCategory(String category) {
        return categories.contains(category);
    }

    /** Decayed count of transactions whose channel was known. */
    public double knownChannelWeight() {
        return channels.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double channelWeight(Channel channel) {
        return channels.getOrDefault(channel, 0.0);
    }

    /** The recent transactions in the {@code window} that ends at {@code end}, {@code end} included. */
    public List<Activity> within(Duration window, Instant end) {
        Instant start = end.minus(window);
        List<Activity> inWindow = new ArrayList<>(recent.size());
        for (Activity activity : recent) {
            if (activity.eventTime().isAfter(start) && !activity.eventTime().isAfter(end)) {
                inWindow.add(activity);
            }
        }
        return inWindow;
    }

    /**
     * The latest recent transaction at or before {@code time} whose location says where the card was, of those
     * that raised no alert: a transaction already suspected does not say where the card really is.
     */
    public Optional<Activity> latestLocatedAtOrBefore(Instant time) {
        return recent.stream()
                .filter(activity -> activity.locatesCard() && !activity.alerted() && !activity.eventTime().isAfter(time))
                .max(Comparator.comparing(Activity::eventTime));
    }

    public boolean hasSeen(String transactionId) {
        // Every new transaction is checked against all the card's recent IDs: hashes first, they are cached.
        int hash = transactionId.hashCode();
        for (Seen entry : seen) {
            if (entry.transactionId().hashCode() == hash && entry.transactionId().equals(transactionId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code eventTime} is so far before the card's latest transaction that its ID may have been
     * forgotten: such a transaction can no longer be told from a duplicate.
     */
    public boolean beforeHorizon(Instant eventTime, ProfileSettings settings) {
        return lastEventTime != null && eventTime.isBefore(lastEventTime.minus(settings.dedupHorizon()));
    }

    /** This profile with {@code transaction} remembered as seen but not learnt from (it was not scored). */
    public CardProfile withSeen(Transaction transaction, ProfileSettings settings) {
        CardProfile faded = fadedTo(transaction.eventTime(), settings);
        Instant latest = faded.lastEventTime;
        return new CardProfile(cardId, count, latest, lastLatitude, lastLongitude, lastCountry, faded.amounts,
                faded.hours, faded.weekdays, days.decayed(decayTo(transaction.eventTime(), settings)), merchants, categories, countries, faded.home, faded.channels,
                recentSince(latest.minus(settings.recentWindow()), null),
                seenSince(latest.minus(settings.dedupHorizon()), transaction), lastAlertTime, mark, lastLabelledAt);
    }

    /** This profile having learnt from {@code transaction}. */
    public CardProfile with(Transaction transaction, ProfileSettings settings) {
        Instant time = transaction.eventTime();
        // A profile that has only seen unscored transactions has no location yet.
        boolean latestSoFar = lastLatitude == null || !time.isBefore(lastEventTime);
        Instant latest = lastEventTime == null || time.isAfter(lastEventTime) ? time : lastEventTime;
        // Faded and learnt in one pass: every transaction of the card goes through here.
        double decay = decayTo(time, settings);
        double logAmount = Math.log(transaction.amount().doubleValue());

        TreeMap<String, DecayingStats> newAmounts = new TreeMap<>();
        amounts.forEach((key, stats) -> newAmounts.put(key, stats.decayed(decay)));
        newAmounts.merge(amountKey(transaction.currency(), null), DecayingStats.NONE.with(logAmount),
                (old, ignored) -> old.with(logAmount));
        newAmounts.merge(amountKey(transaction.currency(), transaction.merchantCategory()),
                DecayingStats.NONE.with(logAmount), (old, ignored) -> old.with(logAmount));
        List<Double> newHours = scaledWithOne(hours, decay, LocalClock.hour(time, transaction.longitude()));
        List<Double> newWeekdays = scaledWithOne(weekdays, decay, LocalClock.weekday(time, transaction.longitude()));
        // The day that ends here fades with the rest: folded in first, then faded by the time since.
        DailyHabit newDays = days.with(LocalClock.day(time, transaction.longitude()), transaction.currency(),
                transaction.amount().doubleValue()).decayed(decay);

        // Only where the card was: buying online from a merchant abroad does not take the card abroad.
        Set<String> newCountries = countries;
        if (Activity.of(transaction).locatesCard() && !countries.contains(transaction.country())) {
            TreeSet<String> added = new TreeSet<>(countries);
            added.add(transaction.country());
            newCountries = Collections.unmodifiableSortedSet(added);
        }
        Channel channel = transaction.channel();
        HomeArea newHome = home.decayed(decay);
        if (channel == null || channel.cardPresent()) {
            newHome = newHome.with(transaction.latitude(), transaction.longitude());
        }
        Map<Channel, Double> newChannels = new EnumMap<>(Channel.class);
        channels.forEach((known, weight) -> newChannels.put(known, weight * decay));
        if (channel != null) {
            newChannels.merge(channel, 1.0, Double::sum);
        }
        return new CardProfile(cardId, count + 1, latest,
                latestSoFar ? transaction.latitude() : lastLatitude,
                latestSoFar ? transaction.longitude() : lastLongitude,
                latestSoFar ? transaction.country() : lastCountry,
                Collections.unmodifiableSortedMap(newAmounts), newHours, newWeekdays, newDays,
                mostRecentFirst(merchants, transaction.merchantId(), MAX_MERCHANTS),
                mostRecentFirst(categories, transaction.merchantCategory(), MAX_CATEGORIES),
                newCountries, newHome, newChannels,
                recentSince(latest.minus(settings.recentWindow()), transaction),
                seenSince(latest.minus(settings.dedupHorizon()), transaction), lastAlertTime, mark, lastLabelledAt);
    }

    /** How much a habit of this profile still weighs at {@code time}; a late transaction fades nothing. */
    private double decayTo(Instant time, ProfileSettings settings) {
        if (lastEventTime == null || !time.isAfter(lastEventTime)) {
            return 1;
        }
        return Math.pow(0.5, Duration.between(lastEventTime, time).toMillis() / (double) settings.halfLife().toMillis());
    }

    /**
     * This profile as of {@code time} without learning anything: when that is after its latest transaction,
     * every habit but the usual day (which folds its last day in first) weighs less by the time passed.
     */
    private CardProfile fadedTo(Instant time, ProfileSettings settings) {
        if (lastEventTime != null && !time.isAfter(lastEventTime)) {
            return this;
        }
        double decay = decayTo(time, settings);
        TreeMap<String, DecayingStats> fadedAmounts = new TreeMap<>();
        amounts.forEach((key, stats) -> fadedAmounts.put(key, stats.decayed(decay)));
        Map<Channel, Double> fadedChannels = new EnumMap<>(Channel.class);
        channels.forEach((known, weight) -> fadedChannels.put(known, weight * decay));
        return new CardProfile(cardId, count, time, lastLatitude, lastLongitude, lastCountry,
                Collections.unmodifiableSortedMap(fadedAmounts), scaled(hours, decay), scaled(weekdays, decay), days,
                merchants, categories, countries, home.decayed(decay), fadedChannels, recent, seen, lastAlertTime, mark,
                lastLabelledAt);
    }

    /**
     * This profile after {@code transaction} raised an alert: it counts in the card's recent transactions and
     * its day (a spree is made of them; the day then counts towards the usual one like any other) and its ID is
     * remembered, but no other habit is learnt from it, since a card that is being misused must not come to
     * look as if that were its habit; nor does it say where the card is. An alert on the transaction's own
     * evidence opens an escalation window.
     */
    public CardProfile withSuspect(Transaction transaction, ProfileSettings settings, boolean ownEvidence) {
        Instant time = transaction.eventTime();
        CardProfile faded = fadedTo(time, settings);
        Instant latest = faded.lastEventTime;
        DailyHabit newDays = days.with(LocalClock.day(time, transaction.longitude()), transaction.currency(),
                transaction.amount().doubleValue()).decayed(decayTo(time, settings));
        List<Activity> newRecent = new ArrayList<>(recentSince(latest.minus(settings.recentWindow()), transaction));
        newRecent.replaceAll(activity -> activity.transactionId().equals(transaction.transactionId())
                ? activity.withAlert() : activity);
        Instant alert = !ownEvidence || lastAlertTime != null && !time.isAfter(lastAlertTime) ? lastAlertTime : time;
        return new CardProfile(cardId, count + 1, latest, lastLatitude, lastLongitude, lastCountry, faded.amounts,
                faded.hours, faded.weekdays, newDays, merchants, categories, countries, faded.home, faded.channels,
                newRecent, seenSince(latest.minus(settings.dedupHorizon()), transaction), alert, mark, lastLabelledAt);
    }

    /**
     * This profile after an analyst's verdict on one of the card's transactions; the same profile when the
     * verdict is older than the latest one applied (a replay, or verdicts arriving out of order). A fraud verdict
     * marks the card, unless it already carries a mark of a later transaction; a legitimate one lifts the mark when
     * it corrects the verdict on the marked transaction or is about a later transaction. No habit changes.
     */
    public CardProfile withLabel(Label label) {
        if (lastLabelledAt != null && label.labelledAt().isBefore(lastLabelledAt)) {
            return this;
        }
        FraudMark newMark = switch (label.verdict()) {
            case FRAUD -> mark == null || mark.transactionId().equals(label.transactionId())
                    || !label.eventTime().isBefore(mark.eventTime()) ? FraudMark.of(label) : mark;
            case LEGITIMATE -> mark != null && mark.clearedBy(label) ? null : mark;
        };
        if (Objects.equals(newMark, mark) && label.labelledAt().equals(lastLabelledAt)) {
            return this;
        }
        return new CardProfile(cardId, count, lastEventTime, lastLatitude, lastLongitude, lastCountry, amounts, hours,
                weekdays, days, merchants, categories, countries, home, channels, recent, seen, lastAlertTime, newMark,
                label.labelledAt());
    }

    // What happened before keepFrom is dropped; the transaction too when it is itself before it, since no
    // window still scored can contain it.
    private List<Activity> recentSince(Instant keepFrom, Transaction transaction) {
        List<Activity> kept = new ArrayList<>(recent.size() + 1);
        for (Activity activity : recent) {
            if (!activity.eventTime().isBefore(keepFrom)) {
                kept.add(activity);
            }
        }
        if (transaction != null && !transaction.eventTime().isBefore(keepFrom)) {
            boolean inOrder = kept.isEmpty() || !transaction.eventTime().isBefore(kept.get(kept.size() - 1).eventTime());
            kept.add(Activity.of(transaction));
            if (!inOrder) {
                kept.sort(Comparator.comparing(Activity::eventTime));
            }
        }
        return kept;
    }

    private List<Seen> seenSince(Instant keepFrom, Transaction transaction) {
        List<Seen> kept = new ArrayList<>(seen.size() + 1);
        for (Seen entry : seen) {
            if (!entry.eventTime().isBefore(keepFrom)) {
                kept.add(entry);
            }
        }
        kept.add(new Seen(transaction.transactionId(), transaction.eventTime()));
        return kept;
    }

    private static List<Double> scaled(List<Double> counts, double factor) {
        return scaledWithOne(counts, factor, -1);
    }

    private static List<Double> scaledWithOne(List<Double> counts, double factor, int index) {
        Double[] result = new Double[counts.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = counts.get(i) * factor + (i == index ? 1 : 0);
        }
        return List.of(result);
    }

    private static List<String> mostRecentFirst(List<String> known, String value, int limit) {
        List<String> result = new ArrayList<>(Math.min(known.size() + 1, limit));
        result.add(value);
        for (String other : known) {
            if (result.size() == limit) {
                break;
            }
            if (!other.equals(value)) {
                result.add(other);
            }
        }
        return result;
    }
}
