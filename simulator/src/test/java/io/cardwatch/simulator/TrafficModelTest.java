package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficModelTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    private static List<LabelledTransaction> simulate(long seed, double fraudRate, int count) {
        var model = new TrafficModel(new SimulationSettings(seed, 500, Duration.ofMillis(100), fraudRate, START));
        List<LabelledTransaction> traffic = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            traffic.add(model.next());
        }
        return traffic;
    }

    @Test
    void theSameSeedGivesTheSameTrafficAndAnotherSeedDifferentTraffic() {
        assertThat(simulate(42, 0.05, 2_000)).isEqualTo(simulate(42, 0.05, 2_000));
        assertThat(simulate(43, 0.05, 2_000)).isNotEqualTo(simulate(42, 0.05, 2_000));
    }

    @Test
    void startsWithAnEverydayPurchaseAtTheStartTime() {
        LabelledTransaction first = simulate(42, 0.0, 1).get(0);

        assertThat(first.scenario()).isEqualTo(Scenario.LEGITIMATE);
        assertThat(first.transaction().transactionId()).isEqualTo("sim-42-0");
        assertThat(first.transaction().eventTime()).isEqualTo(START);
    }

    @Test
    void emitsTransactionsInEventTimeOrderWithUniqueIds() {
        List<LabelledTransaction> traffic = simulate(7, 0.05, 20_000);

        assertThat(traffic).extracting(t -> t.transaction().eventTime()).isSorted();
        assertThat(traffic.stream().map(t -> t.transaction().transactionId()).distinct().count()).isEqualTo(20_000);
    }

    @Test
    void mixesInEveryFraudScenario() {
        Set<Scenario> seen = simulate(7, 0.05, 20_000).stream().map(LabelledTransaction::scenario)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));

        assertThat(seen).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    void withoutFraudEveryTransactionIsLegitimate() {
        assertThat(simulate(7, 0.0, 5_000)).extracting(LabelledTransaction::scenario).containsOnly(Scenario.LEGITIMATE);
    }

    @Test
    void cardTestingIsSixTinyAmountsThenALargeOneOnTheSameCard() {
        // An episode still under way when the simulation stops is cut short: look at complete ones.
        Map<Long, List<Transaction>> episodes = complete(byEpisode(simulate(11, 0.05, 20_000), Scenario.CARD_TESTING), 7);

        assertThat(episodes).isNotEmpty().allSatisfy((episode, firstEpisode) -> {
            assertThat(firstEpisode).extracting(Transaction::cardId).containsOnly(firstEpisode.get(0).cardId());
            assertThat(firstEpisode.subList(0, 6)).allSatisfy(
                    t -> assertThat(euros(t)).isLessThanOrEqualTo(new BigDecimal("2.00")));
            assertThat(euros(firstEpisode.get(6))).isGreaterThanOrEqualTo(new BigDecimal("800"));
            assertThat(Duration.between(firstEpisode.get(0).eventTime(), firstEpisode.get(6).eventTime()))
                    .isEqualTo(Duration.ofSeconds(150));
        });
    }

    @Test
    void impossibleTravelCoversMoreThan5000KilometresIn20Minutes() {
        Map<Long, List<Transaction>> episodes =
                complete(byEpisode(simulate(11, 0.05, 20_000), Scenario.IMPOSSIBLE_TRAVEL), 2);

        assertThat(episodes).isNotEmpty().allSatisfy((episode, pair) -> {
            assertThat(pair.get(1).cardId()).isEqualTo(pair.get(0).cardId());
            Transaction home = pair.get(0);
            Transaction abroad = pair.get(1);
            assertThat(Duration.between(home.eventTime(), abroad.eventTime())).isEqualTo(Duration.ofMinutes(20));
            assertThat(distanceKm(home, abroad)).isGreaterThan(5000);
        });
    }

    @Test
    void everydayPurchasesNeverTravelFasterThanAnAirliner() {
        Map<String, Transaction> lastByCard = new LinkedHashMap<>();
        for (LabelledTransaction labelled : simulate(5, 0.0, 30_000)) {
            Transaction next = labelled.transaction();
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
            int decimals = java.util.Currency.getInstance(t.currency()).getDefaultFractionDigits();
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

    private static Map<Long, List<Transaction>> complete(Map<Long, List<Transaction>> episodes, int size) {
        episodes.values().removeIf(transactions -> transactions.size() < size);
        return episodes;
    }

    private static BigDecimal euros(Transaction transaction) {
        City city = Cities.ALL.stream().filter(c -> c.currency().equals(transaction.currency())).findFirst().orElseThrow();
        return transaction.amount().divide(BigDecimal.valueOf(city.unitsPerEuro()), 2, java.math.RoundingMode.HALF_UP);
    }

    private static double distanceKm(Transaction a, Transaction b) {
        var from = new City("a", "XX", "EUR", 1, a.latitude(), a.longitude(), 0);
        var to = new City("b", "XX", "EUR", 1, b.latitude(), b.longitude(), 0);
        return from.distanceKm(to);
    }
}
