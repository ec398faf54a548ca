package io.cardwatch.simulator;

import io.cardwatch.events.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the transactions of one fraud episode of each scenario, starting at a given event time. Sizes,
 * amounts and timings are drawn from ranges, so that no detector constant fits every episode. An episode
 * goes to a card that has built a history in the run and has not been hit before, where one can be found.
 */
final class FraudEpisodes {

    /** Merchants known to be fraudulent; a detection run puts them on the blocklist. */
    static final List<String> BLOCKLISTED_MERCHANTS =
            List.of("m-blocked-1", "m-blocked-2", "m-blocked-3", "m-blocked-4", "m-blocked-5");

    /** Legitimate transactions a card should have before a fraud episode hits it. */
    static final int SEASONED = 10;
    /** Cards looked at to find one for an episode. */
    private static final int CANDIDATES = 256;

    private static final List<String> RESALEABLE_GOODS = List.of("5732", "5944", "5945", "5311");
    private static final List<String> DIGITAL_GOODS = List.of("5815", "5816", "5817");
    /** Digital goods and electronics, where an in-person card's number is cashed out online. */
    static final List<String> DIGITAL_GOODS_AND_ELECTRONICS = List.of("5815", "5816", "5817", "5818", "5732");
    /** Fuel (5541 service stations, 5542 automated dispensers) and transport (4111, 4121, 4789) merchants. */
    static final List<String> PROBE_CATEGORIES = List.of("5541", "5542", "4111", "4121", "4789");
    private static final List<String> FUEL = List.of("5541", "5542");
    private static final List<String> CASH_OUT = List.of("5732", "4722", "4511", "5311");
    private static final List<String> TAKEOVER_GOODS = List.of("5732", "5944", "4722", "5311", "5815", "5999", "4511");

    private final List<Card> cards;
    private final TransactionFactory transactions;
    private final CardActivity activity;
    private final Function<Card, City> whereabouts;
    private final Random random;
    private long episode;

    /**
     * @param activity    what each card has done so far, to choose cards with a history
     * @param whereabouts where each cardholder is now (at home, or on a trip)
     */
    FraudEpisodes(List<Card> cards, TransactionFactory transactions, CardActivity activity,
                  Function<Card, City> whereabouts, Random random) {
        this.cards = cards;
        this.transactions = transactions;
        this.activity = activity;
        this.whereabouts = whereabouts;
        this.random = random;
    }

    List<LabelledTransaction> episode(Scenario scenario, Instant start) {
        episode++;
        return switch (scenario) {
            case STOLEN_CARD_SPREE -> stolenCardSpree(start);
            case CARD_TESTING -> cardTesting(start);
            case IMPOSSIBLE_TRAVEL -> impossibleTravel(start);
            case AMOUNT_SPIKE -> amountSpike(start);
            case NIGHT_BURST -> nightBurst(start);
            case BLOCKLISTED_MERCHANT -> blocklistedMerchant(start);
            case ACCOUNT_TAKEOVER -> accountTakeover(start);
            case PROBING -> probing(start);
            case ONLINE_ON_IN_PERSON_CARD -> onlineOnInPersonCard(start);
            case LEGITIMATE -> throw new IllegalArgumentException("Not a fraud scenario: " + scenario);
        };
    }

    /** 5–10 purchases of 300–1500 € of resaleable goods, in person where the holder is, 40–150 s apart. */
    private List<LabelledTransaction> stolenCardSpree(Instant start) {
        Card card = anyCard();
        City where = whereabouts.apply(card);
        int purchases = 5 + random.nextInt(6);
        long gap = 40 + random.nextInt(111);
        List<LabelledTransaction> spree = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < purchases; i++) {
            String category = pickFrom(RESALEABLE_GOODS);
            spree.add(fraud(Scenario.STOLEN_CARD_SPREE, card, where, 300 + random.nextDouble() * 1200, category, at,
                    Channel.CARD_PRESENT));
            at = at.plusSeconds(Math.round(gap * (0.7 + random.nextDouble() * 0.6)));
        }
        return spree;
    }

    /** 4–8 online purchases of 0.50–2 € of digital goods, 10–40 s apart, then one of 800–2000 € of electronics. */
    private List<LabelledTransaction> cardTesting(Instant start) {
        Card card = anyCard();
        City home = card.home();
        int probes = 4 + random.nextInt(5);
        List<LabelledTransaction> episodeTransactions = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < probes; i++) {
            if (i > 0) {
                at = at.plusSeconds(10 + random.nextInt(31));
            }
            String category = pickFrom(DIGITAL_GOODS);
            BigDecimal amount = TransactionFactory.localAmount((0.5 + random.nextDouble() * 1.5) * home.unitsPerEuro(),
                    home);
            episodeTransactions.add(labelled(Scenario.CARD_TESTING, transactions.createLocal(card, home, amount,
                    category, transactions.onlineMerchantOf(category), at, Channel.ECOMMERCE)));
        }
        episodeTransactions.add(fraud(Scenario.CARD_TESTING, card, home, 800 + random.nextDouble() * 1200, "5732",
                at.plusSeconds(60 + random.nextInt(241)), Channel.ECOMMERCE));
        return episodeTransactions;
    }

    /** An ordinary purchase where the holder is, then 10–40 minutes later one over 5000 km away. */
    private List<LabelledTransaction> impossibleTravel(Instant start) {
        Card card = anyCard();
        City here = whereabouts.apply(card);
        List<City> farAway = Cities.ALL.stream().filter(city -> city.distanceKm(here) > 5000).toList();
        City far = farAway.get(random.nextInt(farAway.size()));
        String everyday = pickFrom(card.merchantCategories());
        return List.of(
                fraud(Scenario.IMPOSSIBLE_TRAVEL, card, here, card.typicalAmount() * (0.5 + random.nextDouble()),
                        everyday, start, Channel.CARD_PRESENT),
                fraud(Scenario.IMPOSSIBLE_TRAVEL, card, far, 200 + random.nextDouble() * 600, pickFrom(RESALEABLE_GOODS),
                        start.plusSeconds(600 + random.nextInt(1801)), Channel.CARD_PRESENT));
    }

    /** One jewellery purchase 15–50 times the card's typical amount, in person. */
    private List<LabelledTransaction> amountSpike(Instant start) {
        Card card = anyCard();
        return List.of(fraud(Scenario.AMOUNT_SPIKE, card, whereabouts.apply(card),
                card.typicalAmount() * (15 + random.nextDouble() * 35), "5944", start, Channel.CARD_PRESENT));
    }

    /**
     * 3–7 online gambling purchases, 20–90 s apart, between 01:00 and 05:00 where the holder lives; when it
     * is day wherever the cards looked at live, the card's night will come.
     */
    private List<LabelledTransaction> nightBurst(Instant start) {
        Card asleep = pick(card -> localHour(card, start) >= 1 && localHour(card, start) < 5);
        Card card = asleep != null ? asleep : anyCard();
        Instant at = asleep != null ? start : nextNight(card, start);
        int purchases = 3 + random.nextInt(5);
        List<LabelledTransaction> burst = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            if (i > 0) {
                at = at.plusSeconds(20 + random.nextInt(71));
            }
            burst.add(fraud(Scenario.NIGHT_BURST, card, card.home(), card.typicalAmount() * (2 + random.nextDouble() * 3),
                    "7995", at, Channel.ECOMMERCE));
        }
        return burst;
    }

    /** One online purchase of 0.8–2.5 times the typical amount at a blocklisted merchant. */
    private List<LabelledTransaction> blocklistedMerchant(Instant start) {
        Card card = anyCard();
        String merchant = pickFrom(BLOCKLISTED_MERCHANTS);
        var transaction = transactions.create(card, card.home(), card.typicalAmount() * (0.8 + random.nextDouble() * 1.7),
                "5999", merchant, start, Channel.ECOMMERCE);
        return List.of(labelled(Scenario.BLOCKLISTED_MERCHANT, transaction));
    }

    /**
     * 4–10 purchases over the next 24–48 hours (the first in the first hour its holder sleeps, the last a day
     * or more later), each in an hour its holder sleeps through (local time), at 3–10 times the typical
     * amount, half in the holder's own categories; two thirds online, the rest in person.
     */
    private List<LabelledTransaction> accountTakeover(Instant start) {
        Card sleeping = pick(card -> !card.isAwakeAt(localHour(card, start)));
        Card card = sleeping != null ? sleeping : anyCard();
        Instant end = start.plus(Duration.ofMinutes(24 * 60 + random.nextInt(24 * 60 + 1)));
        Instant dayLater = start.plus(Duration.ofHours(24));
        // The sleeping hours up to the end, and at least one a day or more after the start.
        List<Instant> sleepingHours = new ArrayList<>();
        for (Instant hour = start.truncatedTo(ChronoUnit.HOURS);
             hour.isBefore(end) || sleepingHours.get(sleepingHours.size() - 1).isBefore(dayLater);
             hour = hour.plus(Duration.ofHours(1))) {
            if (!card.isAwakeAt(localHour(card, hour))) {
                sleepingHours.add(hour);
            }
        }
        int purchases = 4 + random.nextInt(7);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            // The first night and the last one of the span are both used, the rest anywhere in between.
            Instant hour = i == 0 ? sleepingHours.get(0)
                    : i == purchases - 1 ? sleepingHours.get(sleepingHours.size() - 1)
                    : sleepingHours.get(random.nextInt(sleepingHours.size()));
            Instant at = hour.plusSeconds(random.nextInt(3600));
            if (at.isBefore(start)) {
                at = start.plusSeconds(random.nextInt((int) Math.max(1, Duration.between(start, hour.plusSeconds(3600))
                        .toSeconds())));
            }
            times.add(at);
        }
        times.sort(Comparator.naturalOrder());
        List<LabelledTransaction> takeover = new ArrayList<>();
        for (Instant at : times) {
            String category = random.nextBoolean() ? pickFrom(card.merchantCategories()) : pickFrom(TAKEOVER_GOODS);
            Channel channel = random.nextDouble() < 2.0 / 3 ? Channel.ECOMMERCE : Channel.CARD_PRESENT;
            takeover.add(fraud(Scenario.ACCOUNT_TAKEOVER, card, whereabouts.apply(card),
                    card.typicalAmount() * (3 + random.nextDouble() * 7), category, at, channel));
        }
        return takeover;
    }

    /**
     * 3–6 purchases of 1–3 units of the local currency (at fuel, sometimes a pre-authorisation of exactly
     * one unit) at fuel or transport merchants, 15–120 s apart, in person or not; half the time followed,
     * 2–20 minutes later, by a purchase of 100–1000 €.
     */
    private List<LabelledTransaction> probing(Instant start) {
        Card card = anyCard();
        Channel channel = random.nextBoolean() ? Channel.CARD_PRESENT : Channel.ECOMMERCE;
        City place = channel.cardPresent() ? whereabouts.apply(card) : card.home();
        String category = pickFrom(PROBE_CATEGORIES);
        String merchant = transactions.merchantOf(place, category, channel);
        int probes = 3 + random.nextInt(4);
        List<LabelledTransaction> episodeTransactions = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < probes; i++) {
            if (i > 0) {
                at = at.plusSeconds(15 + random.nextInt(106));
                if (random.nextDouble() < 0.3) {
                    category = pickFrom(PROBE_CATEGORIES);
                    merchant = transactions.merchantOf(place, category, channel);
                }
            }
            BigDecimal amount = FUEL.contains(category) && random.nextDouble() < 0.4
                    ? TransactionFactory.localAmount(1, place)
                    : TransactionFactory.localAmount(1 + random.nextDouble() * 2, place);
            episodeTransactions.add(labelled(Scenario.PROBING,
                    transactions.createLocal(card, place, amount, category, merchant, at, channel)));
        }
        if (random.nextBoolean()) {
            episodeTransactions.add(fraud(Scenario.PROBING, card, place, 100 + random.nextDouble() * 900,
                    pickFrom(CASH_OUT), at.plusSeconds(120 + random.nextInt(1081)), channel));
        }
        return episodeTransactions;
    }

    /**
     * 2–5 online purchases of digital goods or electronics within the next 1–2 hours, at 2–8 times the
     * typical amount, on a card only ever used in person so far.
     */
    private List<LabelledTransaction> onlineOnInPersonCard(Instant start) {
        Predicate<Card> inPerson = card -> card.channels().inPersonOnly() && activity.onlyEverPresent(card);
        Card card = pick(inPerson);
        if (card == null) {
            int from = random.nextInt(cards.size());
            for (int i = 0; i < cards.size() && card == null; i++) {
                Card candidate = cards.get((from + i) % cards.size());
                card = inPerson.test(candidate) ? candidate : null;
            }
            card = card != null ? card : anyCard();
        }
        int purchases = 2 + random.nextInt(4);
        long spanSeconds = 3600 + random.nextInt(3601);
        List<Instant> times = new ArrayList<>(List.of(start));
        for (int i = 1; i < purchases; i++) {
            times.add(start.plusSeconds(1 + random.nextInt((int) spanSeconds)));
        }
        times.sort(Comparator.naturalOrder());
        List<LabelledTransaction> episodeTransactions = new ArrayList<>();
        for (Instant at : times) {
            episodeTransactions.add(fraud(Scenario.ONLINE_ON_IN_PERSON_CARD, card, card.home(),
                    card.typicalAmount() * (2 + random.nextDouble() * 6), pickFrom(DIGITAL_GOODS_AND_ELECTRONICS), at,
                    Channel.ECOMMERCE));
        }
        return episodeTransactions;
    }

    private LabelledTransaction fraud(Scenario scenario, Card card, City where, double euros, String category,
                                      Instant at, Channel channel) {
        return labelled(scenario, transactions.create(card, where, euros, category,
                transactions.merchantOf(where, category, channel), at, channel));
    }

    private LabelledTransaction labelled(Scenario scenario, io.cardwatch.events.Transaction transaction) {
        return new LabelledTransaction(transaction, scenario, episode);
    }

    private Card anyCard() {
        Card card = pick(candidate -> true);
        return card != null ? card : cards.get(random.nextInt(cards.size()));
    }

    /**
     * Of up to {@link #CANDIDATES} cards drawn at random that {@code eligible} accepts, the first not hit by
     * fraud before with at least {@link #SEASONED} legitimate transactions, or else the best found (not hit
     * before first, then the longest history); null if none was eligible.
     */
    private Card pick(Predicate<Card> eligible) {
        Card best = null;
        int bestScore = -1;
        for (int i = 0; i < CANDIDATES; i++) {
            Card candidate = cards.get(random.nextInt(cards.size()));
            if (!eligible.test(candidate)) {
                continue;
            }
            int score = (activity.compromised(candidate) ? 0 : SEASONED + 1)
                    + Math.min(activity.history(candidate), SEASONED);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
            if (score == 2 * SEASONED + 1) {
                break;
            }
        }
        return best;
    }

    private <T> T pickFrom(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static int localHour(Card card, Instant at) {
        return at.atOffset(ZoneOffset.ofHours(card.home().utcOffsetHours())).getHour();
    }

    private static Instant nextNight(Card card, Instant from) {
        Instant at = from;
        while (localHour(card, at) != 2) {
            at = at.plus(Duration.ofHours(1));
        }
        return at;
    }
}
