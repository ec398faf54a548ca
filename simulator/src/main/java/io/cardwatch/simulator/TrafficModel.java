package io.cardwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * An endless, deterministic stream of card transactions in event-time order: everyday purchases following
 * each cardholder's habits and daily rhythm, with fraud episodes of every {@link Scenario} mixed in.
 */
public final class TrafficModel implements Iterator<LabelledTransaction> {

    /** Legitimate trips stay below airliner speed, so that only the fraud scenario travels impossibly. */
    private static final double TRAVEL_KMH = 700;
    private static final List<Scenario> FRAUD = List.of(Scenario.STOLEN_CARD_SPREE, Scenario.CARD_TESTING,
            Scenario.IMPOSSIBLE_TRAVEL, Scenario.AMOUNT_SPIKE, Scenario.NIGHT_BURST, Scenario.BLOCKLISTED_MERCHANT);

    private final SimulationSettings settings;
    private final Random random;
    private final List<Card> cards;
    private final TransactionFactory transactions;
    private final FraudEpisodes episodes;
    private final Map<String, Visit> lastVisits = new HashMap<>();
    private final PriorityQueue<Pending> pending =
            new PriorityQueue<>(Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    private Instant clock;
    private long order;

    public TrafficModel(SimulationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.cards = CardPopulation.draw(settings.cards(), random);
        this.transactions = new TransactionFactory(settings.seed(), random);
        this.episodes = new FraudEpisodes(cards, transactions, random);
        this.clock = settings.start();
    }

    /** Merchants the fraud scenarios use, to be put on the blocklist before a detection run. */
    public static List<String> blocklistedMerchants() {
        return FraudEpisodes.BLOCKLISTED_MERCHANTS;
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
            Scenario scenario = FRAUD.get(random.nextInt(FRAUD.size()));
            episodes.episode(scenario, clock).forEach(this::schedule);
        } else {
            schedule(everydayPurchase());
        }
    }

    private void schedule(LabelledTransaction transaction) {
        pending.add(new Pending(transaction.transaction().eventTime(), order++, transaction));
    }

    private LabelledTransaction everydayPurchase() {
        Card card = awakeCard();
        City where = whereIs(card);
        double euros = card.typicalAmount() * Math.exp(random.nextGaussian() * 0.6);
        String category = card.merchantCategories().get(random.nextInt(card.merchantCategories().size()));
        var transaction = transactions.create(card, where, euros, category, transactions.merchantOf(where, category),
                clock);
        lastVisits.put(card.cardId(), new Visit(where, clock));
        return new LabelledTransaction(transaction, Scenario.LEGITIMATE, 0);
    }

    /** Most purchases happen while people are awake: a few tries to find such a card. */
    private Card awakeCard() {
        Card card = cards.get(random.nextInt(cards.size()));
        for (int attempt = 0; attempt < 4 && !card.isAwakeAt(FraudEpisodes.localHour(card, clock)); attempt++) {
            card = cards.get(random.nextInt(cards.size()));
        }
        return card;
    }

    /** At home, or on a trip that could have been made since the card was last used. */
    private City whereIs(Card card) {
        Visit last = lastVisits.getOrDefault(card.cardId(), new Visit(card.home(), Instant.MIN));
        if (random.nextDouble() >= 0.02) {
            return last.city();
        }
        City destination = Cities.ALL.get(random.nextInt(Cities.ALL.size()));
        double hours = last.at().equals(Instant.MIN) ? Double.MAX_VALUE
                : Duration.between(last.at(), clock).toSeconds() / 3600.0;
        return destination.distanceKm(last.city()) <= hours * TRAVEL_KMH ? destination : last.city();
    }

    private record Visit(City city, Instant at) {
    }

    private record Pending(Instant at, long order, LabelledTransaction transaction) {
    }
}
