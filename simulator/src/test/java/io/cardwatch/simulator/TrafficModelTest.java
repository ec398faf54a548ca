package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficModelTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    /** A live run: 100 ms of event time between two slots. */
    private static List<LabelledTransaction> simulate(long seed, double fraudRate, int count) {
        return simulate(new TrafficModel(new SimulationSettings(seed, 500, Duration.ofMillis(100), fraudRate, START)),
                count);
    }

    /** A week: 500 cards, 20 000 slots 30 s apart, 1 % of them starting a fraud episode. */
    private static final class Week {
        final TrafficModel model = new TrafficModel(new SimulationSettings(7, 500, Duration.ofSeconds(30), 0.01, START));
        final List<LabelledTransaction> traffic = simulate(model, 20_000);
        final Instant end = traffic.get(traffic.size() - 1).transaction().eventTime();

        Card card(Transaction transaction) {
            return model.card(transaction.cardId());
        }

        /** The episodes of the scenario that started at least two days before the end, and so are complete. */
        Map<Long, List<Transaction>> completeEpisodes(Scenario scenario) {
            Map<Long, List<Transaction>> episodes = byEpisode(traffic, scenario);
            episodes.values().removeIf(episode -> episode.get(0).eventTime().isAfter(end.minus(Duration.ofDays(2))));
            return episodes;
        }

        /** The transactions of the card before {@code transaction}, in the order emitted. */
        List<LabelledTransaction> before(Transaction transaction) {
            List<LabelledTransaction> earlier = new ArrayList<>();
            for (LabelledTransaction labelled : traffic) {
                if (labelled.transaction().equals(transaction)) {
                    return earlier;
                }
                if (labelled.transaction().cardId().equals(transaction.cardId())) {
                    earlier.add(labelled);
                }
            }
            throw new AssertionError("Not in the traffic: " + transaction);
        }

        List<Transaction> legitimate() {
            return traffic.stream().filter(t -> t.scenario() == Scenario.LEGITIMATE).map(LabelledTransaction::transaction)
                    .toList();
        }
    }

    private static final Week WEEK = new Week();

    private static List<LabelledTransaction> simulate(TrafficModel model, int count) {
        List<LabelledTransaction> traffic = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            traffic.add(model.next());
        }
        return traffic;
    }

    @Test
    void theSameSeedGivesTheSameTrafficChannelsIncludedAndAnotherSeedDifferentTraffic() {
        // Given two models with seed 42 and one with seed 43
        // When each generates 2000 transactions
        List<LabelledTransaction> first = simulate(42, 0.05, 2_000);
        List<LabelledTransaction> again = simulate(42, 0.05, 2_000);
        List<LabelledTransaction> other = simulate(43, 0.05, 2_000);

        // Then the same seed gives the same transactions, channel by channel
        assertThat(again).isEqualTo(first);
        assertThat(again).extracting(t -> t.transaction().channel())
                .isEqualTo(first.stream().map(t -> t.transaction().channel()).toList());
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void startsWithAnEverydayPurchaseAtTheStartTime() {
        LabelledTransaction first = simulate(42, 0.0, 1).get(0);

        assertThat(first.scenario()).isEqualTo(Scenario.LEGITIMATE);
        assertThat(first.transaction().transactionId()).isEqualTo("sim-42-0");
        assertThat(first.transaction().eventTime()).isEqualTo(START);
    }

    @Test
    void everyTransactionHasAChannel() {
        assertThat(WEEK.traffic).extracting(t -> t.transaction().channel()).doesNotContainNull();
        assertThat(simulate(3, 0.05, 10_000)).extracting(t -> t.transaction().channel()).doesNotContainNull();
    }

    @Test
    void emitsTransactionsInEventTimeOrderWithUniqueIds() {
        List<LabelledTransaction> traffic = simulate(7, 0.05, 20_000);

        assertThat(traffic).extracting(t -> t.transaction().eventTime()).isSorted();
        assertThat(traffic.stream().map(t -> t.transaction().transactionId()).distinct().count()).isEqualTo(20_000);
        assertThat(WEEK.traffic).extracting(t -> t.transaction().eventTime()).isSorted();
    }

    @Test
    void mixesInEveryFraudScenarioInALiveRunAndInAWeek() {
        Set<Scenario> live = simulate(7, 0.05, 20_000).stream().map(LabelledTransaction::scenario)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
        Set<Scenario> week = WEEK.traffic.stream().map(LabelledTransaction::scenario)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));

        assertThat(live).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(week).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    void withoutFraudEveryTransactionIsLegitimate() {
        assertThat(simulate(7, 0.0, 5_000)).extracting(LabelledTransaction::scenario).containsOnly(Scenario.LEGITIMATE);
    }

    @Test
    void mostCardsBuyOnlyInPersonSomeAlsoOnlineAFewByMailOrPhone() {
        // Given the week's legitimate traffic
        Map<String, Set<Channel>> channelsByCard = new HashMap<>();
        WEEK.legitimate().forEach(t -> channelsByCard.computeIfAbsent(t.cardId(), id -> EnumSet.noneOf(Channel.class))
                .add(t.channel()));

        // Then most cards are only ever present, some also buy online, a few by mail or phone
        long inPerson = channelsByCard.values().stream().filter(channels -> channels.stream().allMatch(Channel::cardPresent))
                .count();
        long online = channelsByCard.values().stream().filter(channels -> channels.contains(Channel.ECOMMERCE)).count();
        long mailPhone = channelsByCard.values().stream().filter(channels -> channels.contains(Channel.MAIL_PHONE)).count();
        assertThat(channelsByCard).hasSize(500);
        assertThat(inPerson).isEqualTo(256);
        assertThat(online).isEqualTo(242);
        assertThat(mailPhone).isEqualTo(8);
    }

    @Test
    void cashWithdrawalsAreRoundAmountsAtMerchantCategory6011() {
        List<Transaction> legitimate = WEEK.legitimate();

        assertThat(legitimate).filteredOn(t -> t.channel() == Channel.ATM).hasSizeGreaterThan(100).allSatisfy(t -> {
            assertThat(t.merchantCategory()).isEqualTo("6011");
            BigDecimal units = t.amount().stripTrailingZeros();
            assertThat(units.scale()).as("%s %s", t.amount(), t.currency()).isLessThanOrEqualTo(0);
            assertThat(units.precision()).as("%s %s", t.amount(), t.currency()).isLessThanOrEqualTo(2);
        });
        assertThat(legitimate).filteredOn(t -> t.merchantCategory().equals("6011"))
                .extracting(Transaction::channel).containsOnly(Channel.ATM);
    }

    @Test
    void purchasesWithoutTheCardAreLocatedWhereTheCardLives() {
        assertThat(WEEK.traffic).extracting(LabelledTransaction::transaction)
                .filteredOn(t -> !t.channel().cardPresent())
                .hasSizeGreaterThan(1_000)
                .allSatisfy(t -> {
                    City home = WEEK.card(t).home();
                    assertThat(t.country()).isEqualTo(home.country());
                    assertThat(t.currency()).isEqualTo(home.currency());
                    assertThat(t.latitude()).isCloseTo(home.latitude(), org.assertj.core.data.Offset.offset(0.03));
                });
    }

    @Test
    void legitimateTrafficHasRareSurprises() {
        // Given the week's legitimate traffic, counting purchases in the holder's sleeping hours, large ones in a
        // category the card does not use, and the first online purchase of a card whose holder buys in person
        List<Transaction> legitimate = WEEK.legitimate();
        Map<String, Boolean> onlineSoFar = new HashMap<>();
        long lateNight = 0;
        long large = 0;
        long firstOnlineOfInPersonCard = 0;
        for (Transaction t : legitimate) {
            Card card = WEEK.card(t);
            if (!card.isAwakeAt(FraudEpisodes.localHour(card, t.eventTime()))) {
                lateNight++;
            }
            if (!card.merchantCategories().contains(t.merchantCategory()) && !t.merchantCategory().equals("4722")
                    && TrafficModel.LARGE_PURCHASE_CATEGORIES.contains(t.merchantCategory())
                    && euros(t).doubleValue() >= 2.9 * card.typicalAmount()) {
                large++;
            }
            if (card.channels().inPersonOnly() && t.channel() == Channel.ECOMMERCE
                    && onlineSoFar.put(t.cardId(), true) == null) {
                firstOnlineOfInPersonCard++;
            }
        }

        // Then each kind is present, each well under 1 % of the 19 146 legitimate transactions
        assertThat(legitimate).hasSize(19_146);
        assertThat(lateNight).isEqualTo(51);
        assertThat(large).isEqualTo(50);
        assertThat(firstOnlineOfInPersonCard).isEqualTo(14);
    }

    @Test
    void cardTestingIsTinyOnlineAmountsThenALargeOneOnTheSameCard() {
        Map<Long, List<Transaction>> episodes = WEEK.completeEpisodes(Scenario.CARD_TESTING);

        assertThat(episodes).hasSizeGreaterThan(10).allSatisfy((episode, transactions) -> {
            assertThat(transactions).hasSizeBetween(5, 9);
            assertThat(transactions).extracting(Transaction::cardId).containsOnly(transactions.get(0).cardId());
            assertThat(transactions).extracting(Transaction::channel).containsOnly(Channel.ECOMMERCE);
            Transaction large = transactions.get(transactions.size() - 1);
            assertThat(transactions.subList(0, transactions.size() - 1)).allSatisfy(
                    t -> assertThat(euros(t)).isLessThanOrEqualTo(new BigDecimal("2.00")));
            assertThat(euros(large)).isGreaterThanOrEqualTo(new BigDecimal("800"));
            assertThat(Duration.between(transactions.get(0).eventTime(), large.eventTime()))
                    .isLessThanOrEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void impossibleTravelCoversMoreThan5000KilometresInUnderAnHourInPerson() {
        Map<Long, List<Transaction>> episodes = WEEK.completeEpisodes(Scenario.IMPOSSIBLE_TRAVEL);

        assertThat(episodes).hasSizeGreaterThan(10).allSatisfy((episode, pair) -> {
            assertThat(pair).hasSize(2);
            assertThat(pair.get(1).cardId()).isEqualTo(pair.get(0).cardId());
            assertThat(pair).extracting(Transaction::channel).containsOnly(Channel.CARD_PRESENT);
            assertThat(Duration.between(pair.get(0).eventTime(), pair.get(1).eventTime()))
                    .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(40));
            assertThat(distanceKm(pair.get(0), pair.get(1))).isGreaterThan(5000);
        });
    }

    @Test
    void accountTakeoverBuysInTheHoldersSleepingHoursForSeveralTimesTheUsualSpendOverADayOrTwo() {
        Map<Long, List<Transaction>> episodes = WEEK.completeEpisodes(Scenario.ACCOUNT_TAKEOVER);

        assertThat(episodes).hasSizeGreaterThan(10).allSatisfy((episode, transactions) -> {
            Card card = WEEK.card(transactions.get(0));
            assertThat(transactions).hasSizeBetween(4, 10);
            assertThat(transactions).extracting(Transaction::cardId).containsOnly(card.cardId());
            assertThat(transactions).allSatisfy(t -> {
                assertThat(card.isAwakeAt(FraudEpisodes.localHour(card, t.eventTime()))).as("awake at %s", t).isFalse();
                assertThat(euros(t).doubleValue()).isBetween(2.99 * card.typicalAmount(), 10.01 * card.typicalAmount());
            });
            assertThat(Duration.between(transactions.get(0).eventTime(), transactions.get(transactions.size() - 1)
                    .eventTime())).isBetween(Duration.ofHours(6), Duration.ofHours(48));
        });
        assertThat(episodes.values()).anySatisfy(transactions -> assertThat(Duration.between(
                transactions.get(0).eventTime(), transactions.get(transactions.size() - 1).eventTime()))
                .isGreaterThan(Duration.ofHours(24)));
        assertThat(episodes.values().stream().flatMap(List::stream).map(Transaction::channel).distinct())
                .containsExactlyInAnyOrder(Channel.ECOMMERCE, Channel.CARD_PRESENT);
    }

    @Test
    void probingIsAFewTinyAmountsAtFuelOrTransportWithinMinutesSometimesThenALargerOne() {
        Map<Long, List<Transaction>> episodes = WEEK.completeEpisodes(Scenario.PROBING);

        assertThat(episodes).hasSizeGreaterThan(10).allSatisfy((episode, transactions) -> {
            List<Transaction> probes = transactions.stream().filter(t -> t.amount().compareTo(new BigDecimal("3")) <= 0)
                    .toList();
            assertThat(probes).hasSizeBetween(3, 6);
            assertThat(transactions.subList(0, probes.size())).isEqualTo(probes);
            assertThat(transactions.size() - probes.size()).isLessThanOrEqualTo(1);
            assertThat(probes).allSatisfy(t -> {
                assertThat(t.amount()).isGreaterThanOrEqualTo(BigDecimal.ONE);
                assertThat(t.merchantCategory()).isIn("5541", "5542", "4111", "4121", "4789");
            });
            assertThat(Duration.between(probes.get(0).eventTime(), probes.get(probes.size() - 1).eventTime()))
                    .isLessThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(transactions).extracting(Transaction::channel).containsOnly(transactions.get(0).channel());
        });
        assertThat(episodes.values()).anySatisfy(transactions -> assertThat(transactions.get(transactions.size() - 1)
                .amount()).isGreaterThan(new BigDecimal("3")));
        assertThat(episodes.values()).anySatisfy(transactions -> assertThat(transactions.get(transactions.size() - 1)
                .amount()).isLessThanOrEqualTo(new BigDecimal("3")));
        assertThat(episodes.values().stream().map(transactions -> transactions.get(0).channel()).distinct())
                .containsExactlyInAnyOrder(Channel.ECOMMERCE, Channel.CARD_PRESENT);
    }

    @Test
    void onlineOnInPersonCardBuysDigitalGoodsOnlineOnACardOnlyEverUsedInPerson() {
        Map<Long, List<Transaction>> episodes = WEEK.completeEpisodes(Scenario.ONLINE_ON_IN_PERSON_CARD);

        assertThat(episodes).hasSizeGreaterThan(10).allSatisfy((episode, transactions) -> {
            Card card = WEEK.card(transactions.get(0));
            assertThat(transactions).hasSizeBetween(2, 5);
            assertThat(transactions).allSatisfy(t -> {
                assertThat(t.cardId()).isEqualTo(card.cardId());
                assertThat(t.channel()).isEqualTo(Channel.ECOMMERCE);
                assertThat(t.merchantCategory()).isIn("5815", "5816", "5817", "5818", "5732");
                assertThat(euros(t).doubleValue()).isBetween(1.99 * card.typicalAmount(), 8.01 * card.typicalAmount());
            });
            assertThat(Duration.between(transactions.get(0).eventTime(), transactions.get(transactions.size() - 1)
                    .eventTime())).isLessThanOrEqualTo(Duration.ofHours(2));
            assertThat(WEEK.before(transactions.get(0))).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.transaction().channel().cardPresent()).isTrue());
        });
    }

    @Test
    void existingScenariosUseTheirChannel() {
        Map<Scenario, Set<Channel>> channels = new HashMap<>();
        WEEK.traffic.forEach(t -> channels.computeIfAbsent(t.scenario(), s -> EnumSet.noneOf(Channel.class))
                .add(t.transaction().channel()));

        assertThat(channels.get(Scenario.STOLEN_CARD_SPREE)).containsExactly(Channel.CARD_PRESENT);
        assertThat(channels.get(Scenario.CARD_TESTING)).containsExactly(Channel.ECOMMERCE);
        assertThat(channels.get(Scenario.IMPOSSIBLE_TRAVEL)).containsExactly(Channel.CARD_PRESENT);
        assertThat(channels.get(Scenario.AMOUNT_SPIKE)).containsExactly(Channel.CARD_PRESENT);
        assertThat(channels.get(Scenario.NIGHT_BURST)).containsExactly(Channel.ECOMMERCE);
        assertThat(channels.get(Scenario.BLOCKLISTED_MERCHANT)).containsExactly(Channel.ECOMMERCE);
    }

    @Test
    void onceCardsHaveAHistoryEpisodesHitCardsWithTenLegitimateTransactionsAndNoEarlierFraud() {
        // Given the episodes that start after the first two days of the week
        Map<Long, Transaction> firstOfEpisode = new LinkedHashMap<>();
        WEEK.traffic.stream().filter(t -> t.scenario().isFraud())
                .forEach(t -> firstOfEpisode.putIfAbsent(t.episode(), t.transaction()));
        List<Transaction> later = firstOfEpisode.values().stream()
                .filter(t -> t.eventTime().isAfter(START.plus(Duration.ofDays(2)))).toList();

        // Then each hits a card with a history of its own, not hit before
        assertThat(later).hasSizeGreaterThan(50).allSatisfy(first -> {
            List<LabelledTransaction> earlier = WEEK.before(first);
            assertThat(earlier).extracting(LabelledTransaction::scenario).containsOnly(Scenario.LEGITIMATE);
            assertThat(earlier).hasSizeGreaterThanOrEqualTo(FraudEpisodes.SEASONED);
        });
    }

    @Test
    void everydayPurchasesInPersonNeverTravelFasterThanAnAirliner() {
        Map<String, Transaction> lastByCard = new LinkedHashMap<>();
        for (LabelledTransaction labelled : simulate(5, 0.0, 30_000)) {
            Transaction next = labelled.transaction();
            if (!next.channel().cardPresent()) {
                continue;
            }
            Transaction previous = lastByCard.put(next.cardId(), next);
            if (previous != null && distanceKm(previous, next) > 50) {
                double hours = Duration.between(previous.eventTime(), next.eventTime()).toSeconds() / 3600.0;
                assertThat(distanceKm(previous, next) / hours).as("km/h of card %s", next.cardId()).isLessThan(700);
            }
        }
    }

    @Test
    void amountsHaveTheDecimalsOfTheirCurrency() {
        assertThat(simulate(3, 0.05, 10_000)).allSatisfy(labelled -> {
            Transaction t = labelled.transaction();
            int decimals = Currency.getInstance(t.currency()).getDefaultFractionDigits();
            assertThat(t.amount().scale()).isEqualTo(decimals);
            assertThat(t.amount().signum()).isPositive();
        });
    }

    @Test
    void blocklistedMerchantEpisodesUseTheBlocklist() {
        assertThat(simulate(3, 0.05, 20_000)).filteredOn(t -> t.scenario() == Scenario.BLOCKLISTED_MERCHANT)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(TrafficModel.blocklistedMerchants()).contains(t.transaction().merchantId()));
    }

    private static Map<Long, List<Transaction>> byEpisode(List<LabelledTransaction> traffic, Scenario scenario) {
        return traffic.stream().filter(t -> t.scenario() == scenario)
                .collect(Collectors.groupingBy(LabelledTransaction::episode, LinkedHashMap::new,
                        Collectors.mapping(LabelledTransaction::transaction, Collectors.toList())));
    }

    private static BigDecimal euros(Transaction transaction) {
        City city = Cities.ALL.stream().filter(c -> c.currency().equals(transaction.currency())).findFirst().orElseThrow();
        return transaction.amount().divide(BigDecimal.valueOf(city.unitsPerEuro()), 2, RoundingMode.HALF_UP);
    }

    private static double distanceKm(Transaction a, Transaction b) {
        var from = new City("a", "XX", "EUR", 1, a.latitude(), a.longitude(), 0);
        var to = new City("b", "XX", "EUR", 1, b.latitude(), b.longitude(), 0);
        return from.distanceKm(to);
    }
}
