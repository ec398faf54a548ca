package io.cardwatch.detector.profile;

import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the detector knows about one card from every transaction it scored: the value of the card-profiles
 * store, keyed by card ID. The last event is the latest by event time, whatever order events arrived in.
 */
public record CardProfile(
        String cardId,
        long count,
        Map<String, AmountStats> amounts,
        Instant lastEventTime,
        Double lastLatitude,
        Double lastLongitude,
        String lastCountry,
        Set<String> countries,
        Set<String> merchantCategories,
        List<Long> transactionsByHour,
        Integer typicalHour) {

    /** The name of the state store of profiles, which interactive queries read. */
    public static final String STORE = "card-profiles";

    private static final int HOURS = 24;

    public CardProfile {
        amounts = Collections.unmodifiableMap(new TreeMap<>(amounts));
        countries = Collections.unmodifiableSet(new TreeSet<>(countries));
        merchantCategories = Collections.unmodifiableSet(new TreeSet<>(merchantCategories));
        transactionsByHour = List.copyOf(transactionsByHour);
    }

    public static CardProfile empty(String cardId) {
        return new CardProfile(cardId, 0, Map.of(), null, null, null, null, Set.of(), Set.of(),
                Collections.nCopies(HOURS, 0L), null);
    }

    /** The amount statistics of this card in {@code currency}; none yet for a currency never used. */
    public AmountStats amountsIn(String currency) {
        return amounts.getOrDefault(currency, AmountStats.NONE);
    }

    /** This profile with {@code transaction} added. */
    public CardProfile with(Transaction transaction) {
        Map<String, AmountStats> newAmounts = new TreeMap<>(amounts);
        newAmounts.put(transaction.currency(), amountsIn(transaction.currency()).with(transaction.amount()));
        Set<String> newCountries = new TreeSet<>(countries);
        newCountries.add(transaction.country());
        Set<String> newCategories = new TreeSet<>(merchantCategories);
        newCategories.add(transaction.merchantCategory());
        List<Long> byHour = new ArrayList<>(transactionsByHour);
        int hour = transaction.eventTime().atZone(ZoneOffset.UTC).getHour();
        byHour.set(hour, byHour.get(hour) + 1);
        boolean latest = lastEventTime == null || !transaction.eventTime().isBefore(lastEventTime);
        return new CardProfile(cardId, count + 1, newAmounts,
                latest ? transaction.eventTime() : lastEventTime,
                latest ? transaction.latitude() : lastLatitude,
                latest ? transaction.longitude() : lastLongitude,
                latest ? transaction.country() : lastCountry,
                newCountries, newCategories, byHour, busiestHour(byHour));
    }

    private static int busiestHour(List<Long> byHour) {
        int busiest = 0;
        for (int hour = 1; hour < HOURS; hour++) {
            if (byHour.get(hour) > byHour.get(busiest)) {
                busiest = hour;
            }
        }
        return busiest;
    }
}
