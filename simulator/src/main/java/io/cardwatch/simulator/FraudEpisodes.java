package io.cardwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds the transactions of one fraud episode of each scenario, starting at a given event time. */
final class FraudEpisodes {

    /** Merchants known to be fraudulent; a detection run puts them on the blocklist. */
    static final List<String> BLOCKLISTED_MERCHANTS =
            List.of("m-blocked-1", "m-blocked-2", "m-blocked-3", "m-blocked-4", "m-blocked-5");

    private static final List<String> RESALEABLE_GOODS = List.of("5732", "5944", "5945", "5311");
    private static final String DIGITAL_GOODS = "5815";

    private final List<Card> cards;
    private final TransactionFactory transactions;
    private final Random random;
    private long episode;

    FraudEpisodes(List<Card> cards, TransactionFactory transactions, Random random) {
        this.cards = cards;
        this.transactions = transactions;
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
            case LEGITIMATE -> throw new IllegalArgumentException("Not a fraud scenario: " + scenario);
        };
    }

    private List<LabelledTransaction> stolenCardSpree(Instant start) {
        Card card = anyCard();
        List<LabelledTransaction> spree = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String category = RESALEABLE_GOODS.get(random.nextInt(RESALEABLE_GOODS.size()));
            spree.add(fraud(Scenario.STOLEN_CARD_SPREE, card, card.home(), 300 + random.nextDouble() * 1200,
                    category, start.plusSeconds(i * 75L)));
        }
        return spree;
    }

    private List<LabelledTransaction> cardTesting(Instant start) {
        Card card = anyCard();
        List<LabelledTransaction> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            probes.add(fraud(Scenario.CARD_TESTING, card, card.home(), 0.5 + random.nextDouble() * 1.5, DIGITAL_GOODS,
                    start.plusSeconds(i * 20L)));
        }
        probes.add(fraud(Scenario.CARD_TESTING, card, card.home(), 800 + random.nextDouble() * 1200, "5732",
                start.plusSeconds(150)));
        return probes;
    }

    private List<LabelledTransaction> impossibleTravel(Instant start) {
        Card card = anyCard();
        City far = Cities.ALL.stream()
                .filter(city -> city.distanceKm(card.home()) > 5000)
                .toList()
                .get(0);
        return List.of(
                fraud(Scenario.IMPOSSIBLE_TRAVEL, card, card.home(), card.typicalAmount(), "5411", start),
                fraud(Scenario.IMPOSSIBLE_TRAVEL, card, far, 200 + random.nextDouble() * 600, "5732",
                        start.plus(Duration.ofMinutes(20))));
    }

    private List<LabelledTransaction> amountSpike(Instant start) {
        Card card = anyCard();
        return List.of(fraud(Scenario.AMOUNT_SPIKE, card, card.home(), card.typicalAmount() * (20 + random.nextInt(30)),
                "5944", start));
    }

    /** Night where the cardholder lives; when it is day everywhere cards live, any card's night will come. */
    private List<LabelledTransaction> nightBurst(Instant start) {
        List<Card> asleep = cards.stream().filter(card -> localHour(card, start) >= 1 && localHour(card, start) < 5)
                .toList();
        Card card = asleep.isEmpty() ? anyCard() : asleep.get(random.nextInt(asleep.size()));
        Instant night = asleep.isEmpty() ? nextNight(card, start) : start;
        List<LabelledTransaction> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(fraud(Scenario.NIGHT_BURST, card, card.home(), card.typicalAmount() * (2 + random.nextDouble() * 3),
                    "7995", night.plusSeconds(i * 45L)));
        }
        return burst;
    }

    private List<LabelledTransaction> blocklistedMerchant(Instant start) {
        Card card = anyCard();
        String merchant = BLOCKLISTED_MERCHANTS.get(random.nextInt(BLOCKLISTED_MERCHANTS.size()));
        var transaction = transactions.create(card, card.home(), card.typicalAmount() * 1.5, "5999", merchant, start);
        return List.of(new LabelledTransaction(transaction, Scenario.BLOCKLISTED_MERCHANT, episode));
    }

    private LabelledTransaction fraud(Scenario scenario, Card card, City where, double euros, String category,
                                      Instant at) {
        var transaction = transactions.create(card, where, euros, category, transactions.merchantOf(where, category), at);
        return new LabelledTransaction(transaction, scenario, episode);
    }

    private Card anyCard() {
        return cards.get(random.nextInt(cards.size()));
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
