package io.cardwatch.simulator;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An endless, deterministic stream of card transactions in event-time order: everyday purchases following
 * each cardholder's habits, channels and daily rhythm, with the rare surprises real cardholders produce (a
 * large purchase in a category they never use, a late night, a trip, a first online purchase), and fraud
 * episodes of every {@link Scenario} mixed in.
 */
public final class TrafficModel implements Iterator<LabelledTransaction> {

    /** Legitimate trips stay below airliner speed, so that only the fraud scenario travels impossibly. */
    private static final double TRAVEL_KMH = 700;
    /** Share of everyday purchases that start (or end) a trip. */
    private static final double TRAVEL = 0.02;
    /** Shares of legitimate slots that are a surprise of each kind. */
    static final double LARGE_PURCHASE = 0.003;
    static final double LATE_NIGHT = 0.003;
    static final double FIRST_ONLINE = 0.001;

    /** Categories of the large purchases cardholders make now and then, and never otherwise. */
    static final List<String> LARGE_PURCHASE_CATEGORIES = List.of("5732", "4511", "7011", "5712", "5944", "4722");
    private static final List<String> LATE_NIGHT_CATEGORIES = List.of("5812", "5814", "4121", "5541", "5499");
    /** Where cardholders who buy online do: digital goods, miscellaneous shops, department stores, travel, books. */
    static final List<String> ONLINE_CATEGORIES = List.of("5815", "5999", "5311", "4722", "5942");
    private static final List<String> MAIL_PHONE_CATEGORIES = List.of("5964", "5969", "4722");
    private static final String ATM = "6011";
    private static final double[] ATM_EUROS = {20, 40, 50, 50, 100, 100, 150, 200, 300};

    private final SimulationSettings settings;
    private final Random random;
    private final List<Card> cards;
    private final Map<String, Card> cardsById;
    private final TransactionFactory transactions;
    private final CardActivity activity = new CardActivity();
    private final FraudEpisodes episodes;
    private final List<Scenario> fraud = Scenario.fraud();
    private final Map<String, Visit> lastVisits = new HashMap<>();
    private final PriorityQueue<Pending> pending =
            new PriorityQueue<>(Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    private Instant clock;
    private long order;

    public TrafficModel(SimulationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.cards = CardPopulation.draw(settings.cards(), random);
        this.cardsById = cards.stream().collect(Collectors.toMap(Card::cardId, Function.identity()));
        this.transactions = new TransactionFactory(settings.seed(), random);
        this.episodes = new FraudEpisodes(cards, transactions, activity, card -> lastVisit(card).city(), random);
        this.clock = settings.start();
    }

    /** Merchants the fraud scenarios use, to be put on the blocklist before a detection run. */
    public static List<String> blocklistedMerchants() {
        return FraudEpisodes.BLOCKLISTED_MERCHANTS;
    }

    /** The habits of a card of the population, by ID. */
    Card card(String cardId) {
        return cardsById.get(cardId);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public LabelledTransaction next() {
        while (pending.isEmpty() || pending.peek().at().isAfter(clock)) {
            generateSlot();
            clock = clock.plus(settings.spacing());
        }
        return pending.poll().transaction();
    }

    private void generateSlot() {
        if (random.nextDouble() < settings.fraudRate()) {
            Scenario scenario = fraud.get(random.nextInt(fraud.size()));
            episodes.episode(scenario, clock).forEach(this::schedule);
        } else {
            schedule(new LabelledTransaction(legitimate(), Scenario.LEGITIMATE, 0));
        }
    }

    private void schedule(LabelledTransaction transaction) {
        Transaction t = transaction.transaction();
        activity.record(cardsById.get(t.cardId()), t.channel(), transaction.scenario());
        pending.add(new Pending(t.eventTime(), order++, transaction));
    }

    private Transaction legitimate() {
        double surprise = random.nextDouble();
        Transaction transaction = null;
        if (surprise < LARGE_PURCHASE) {
            transaction = largePurchase();
        } else if (surprise < LARGE_PURCHASE + LATE_NIGHT) {
            transaction = lateNightPurchase();
        } else if (surprise < LARGE_PURCHASE + LATE_NIGHT + FIRST_ONLINE) {
            transaction = firstOnlinePurchase();
        }
        return transaction != null ? transaction : everydayPurchase(awakeCard());
    }

    private Transaction everydayPurchase(Card card) {
        ChannelHabit habit = activity.channels(card);
        double channel = random.nextDouble();
        if (channel < habit.mailPhone()) {
            return notPresent(card, Channel.MAIL_PHONE, pickFrom(MAIL_PHONE_CATEGORIES));
        }
        if (channel < habit.mailPhone() + habit.online()) {
            return notPresent(card, Channel.ECOMMERCE, pickFrom(ONLINE_CATEGORIES));
        }
        City where = whereIs(card);
        if (channel < habit.mailPhone() + habit.online() + habit.atm()) {
            return inPerson(card, where, atmAmount(where), ATM, Channel.ATM);
        }
        return inPerson(card, where, usualAmount(card), pickFrom(card.merchantCategories()), Channel.CARD_PRESENT);
    }

    /** Several times the usual amount in a category the card is never otherwise used in. */
    private Transaction largePurchase() {
        Card card = awakeCard();
        double euros = card.typicalAmount() * (3 + random.nextDouble() * 9);
        String category = pickFrom(LARGE_PURCHASE_CATEGORIES);
        if (activity.channels(card).online() > 0 && random.nextBoolean()) {
            return create(card, card.home(), euros, category, Channel.ECOMMERCE);
        }
        return inPerson(card, whereIs(card), euros, category, Channel.CARD_PRESENT);
    }

    /** A purchase in the first hours after the holder usually goes to bed; none if no such card is found. */
    private Transaction lateNightPurchase() {
        for (int attempt = 0; attempt < 32; attempt++) {
            Card card = cards.get(random.nextInt(cards.size()));
            int hoursPastBedtime = Math.floorMod(FraudEpisodes.localHour(card, clock) - card.sleepsAt(), 24);
            if (hoursPastBedtime < 3) {
                double euros = usualAmount(card) * 0.8;
                String category = pickFrom(LATE_NIGHT_CATEGORIES);
                if (activity.channels(card).online() > 0 && random.nextDouble() < 0.3) {
                    return create(card, card.home(), euros, "5814", Channel.ECOMMERCE);
                }
                return inPerson(card, whereIs(card), euros, category, Channel.CARD_PRESENT);
            }
        }
        return null;
    }

    /** An in-person card's first online purchase, after which its holder buys online now and then. */
    private Transaction firstOnlinePurchase() {
        for (int attempt = 0; attempt < 32; attempt++) {
            Card card = cards.get(random.nextInt(cards.size()));
            if (card.channels().inPersonOnly() && activity.onlyEverPresent(card)
                    && card.isAwakeAt(FraudEpisodes.localHour(card, clock))) {
                activity.tookToBuyingOnline(card);
                return notPresent(card, Channel.ECOMMERCE, pickFrom(ONLINE_CATEGORIES));
            }
        }
        return null;
    }

    private Transaction notPresent(Card card, Channel channel, String category) {
        double euros = usualAmount(card) * (category.equals("4722") ? 4 : 1);
        return create(card, card.home(), euros, category, channel);
    }

    private Transaction inPerson(Card card, City where, double euros, String category, Channel channel) {
        lastVisits.put(card.cardId(), new Visit(where, clock));
        return create(card, where, euros, category, channel);
    }

    private Transaction create(Card card, City where, double euros, String category, Channel channel) {
        return transactions.create(card, where, euros, category, transactions.merchantOf(where, category, channel),
                clock, channel);
    }

    private double usualAmount(Card card) {
        return card.typicalAmount() * Math.exp(random.nextGaussian() * 0.6);
    }

    /** A round amount in the local currency, as cash machines hand out, expressed in euros. */
    private double atmAmount(City where) {
        double local = ATM_EUROS[random.nextInt(ATM_EUROS.length)] * where.unitsPerEuro();
        double step = Math.pow(10, Math.floor(Math.log10(local)));
        if (local / step < 3) {
            step /= 2;
        }
        return Math.max(step, Math.round(local / step) * step) / where.unitsPerEuro();
    }

    /** Most purchases happen while people are awake: enough tries to find such a card. */
    private Card awakeCard() {
        Card card = cards.get(random.nextInt(cards.size()));
        for (int attempt = 0; attempt < 20 && !card.isAwakeAt(FraudEpisodes.localHour(card, clock)); attempt++) {
            card = cards.get(random.nextInt(cards.size()));
        }
        return card;
    }

    /** At home, or on a trip that could have been made since the card was last used in person. */
    private City whereIs(Card card) {
        Visit last = lastVisit(card);
        if (random.nextDouble() >= TRAVEL) {
            return last.city();
        }
        City destination = Cities.ALL.get(random.nextInt(Cities.ALL.size()));
        double hours = last.at().equals(Instant.MIN) ? Double.MAX_VALUE
                : Duration.between(last.at(), clock).toSeconds() / 3600.0;
        return destination.distanceKm(last.city()) <= hours * TRAVEL_KMH ? destination : last.city();
    }

    private Visit lastVisit(Card card) {
        return lastVisits.getOrDefault(card.cardId(), new Visit(card.home(), Instant.MIN));
    }

    private <T> T pickFrom(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private record Visit(City city, Instant at) {
    }

    private record Pending(Instant at, long order, LabelledTransaction transaction) {
    }
}
