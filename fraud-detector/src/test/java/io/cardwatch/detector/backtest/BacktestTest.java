package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardwatch.detector.model.Models;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the detector's own scoring, from a real context started as the backtest command starts it. */
class BacktestTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static DetectorScoring detector;
    private static Backtest backtest;

    @BeforeAll
    static void startDetectorScoring() {
        detector = DetectorScoring.start();
        backtest = new Backtest(detector.scoring());
    }

    @AfterAll
    static void stopDetectorScoring() {
        detector.close();
    }

    @Test
    void decidesEachTransactionAgainstItsOwnCardsProfileUnderTheDefaultRuleSet() {
        List<LabelledTransaction> history = List.of(
                labelled("tx-1", "card-1", "7500.00", T0, true),
                labelled("tx-2", "card-2", "12.50", T0.plusSeconds(60), false));

        BacktestRun run = backtest.run(history, detector.defaultRuleSet());

        assertThat(detector.defaultRuleSet()).isEqualTo(new RuleSet("1", 300, 700, Map.of(), Set.of()));
        assertThat(run.results()).containsExactly(
                new TransactionResult("tx-1", "card-1", T0, true, null, Outcome.REVIEW, 400, List.of("LARGE_AMOUNT")),
                new TransactionResult("tx-2", "card-2", T0.plusSeconds(60), false, null, Outcome.APPROVE, 0, List.of()));
        assertThat(List.of(run.duplicates(), run.refused())).containsExactly(0L, 0L);
        assertThat(run.rate()).isPositive();
    }

    @Test
    void scoresWithTheWeightsAndDisabledRulesOfTheRuleSetGiven() {
        List<LabelledTransaction> history = List.of(labelled("tx-1", "card-1", "7500.00", T0, true));

        BacktestRun weighted = backtest.run(history, new RuleSet("heavy", 300, 700, Map.of("LARGE_AMOUNT", 800), Set.of()));
        BacktestRun disabled = backtest.run(history, new RuleSet("off", 300, 700, Map.of(), Set.of("LARGE_AMOUNT")));

        assertThat(weighted.results()).extracting(TransactionResult::outcome, TransactionResult::score)
                .containsExactly(tuple(Outcome.DECLINE, 800));
        assertThat(disabled.results()).extracting(TransactionResult::outcome, TransactionResult::score)
                .containsExactly(tuple(Outcome.APPROVE, 0));
    }

    @Test
    void countsADuplicateWithoutASecondDecision() {
        List<LabelledTransaction> history = List.of(
                labelled("tx-1", "card-1", "7500.00", T0, true),
                labelled("tx-1", "card-1", "7500.00", T0, true),
                labelled("tx-1", "card-2", "20.00", T0.plusSeconds(1), false));

        BacktestRun run = backtest.run(history, detector.defaultRuleSet());

        assertThat(run.results()).extracting(TransactionResult::cardId).containsExactly("card-1", "card-2");
        assertThat(run.duplicates()).isEqualTo(1);
    }

    @Test
    void refusesATransactionBeforeItsCardsDeduplicationHorizonAsTooOld() {
        List<LabelledTransaction> history = List.of(
                labelled("tx-new", "card-1", "20.00", T0, false),
                labelled("tx-old", "card-1", "20.00", T0.minus(Duration.ofDays(8)), false),
                labelled("tx-recent", "card-1", "20.00", T0.minus(Duration.ofDays(6)), false));

        BacktestRun run = backtest.run(history, detector.defaultRuleSet());

        assertThat(run.results()).extracting(TransactionResult::transactionId).containsExactly("tx-new", "tx-recent");
        assertThat(run.refused()).isEqualTo(1);
    }

    @Test
    void sweepsReviewThresholdsByRescoringTheHistory() {
        RuleSet live = new RuleSet("1", 300, 700, Map.of("NEW_COUNTRY", 50), Set.of("VELOCITY_24H"));
        List<LabelledTransaction> history = List.of(labelled("tx-1", "card-1", "7500.00", T0, true));

        List<ThresholdSweep.Point> points = new ThresholdSweep(backtest, Models.NONE, UnaryOperator.identity()).run(history,
                List.of(ThresholdSweep.reviewingFrom(live, 400), ThresholdSweep.reviewingFrom(live, 750)));

        assertThat(ThresholdSweep.reviewingFrom(live, 750))
                .isEqualTo(new RuleSet("1", 750, 751, Map.of("NEW_COUNTRY", 50), Set.of("VELOCITY_24H")));
        assertThat(points).extracting(ThresholdSweep.Point::reviewFrom, ThresholdSweep.Point::declineFrom,
                ThresholdSweep.Point::figures).containsExactly(
                tuple(400, 700, new BacktestReport.Figures(1, 1, 1, 1, 0, 0)),
                tuple(750, 751, new BacktestReport.Figures(1, 1, 0, 0, 0, 0)));
        assertThat(points).allSatisfy(point -> assertThat(point.scoredPerSecond()).isPositive());
    }

    private static LabelledTransaction labelled(String id, String card, String amount, Instant eventTime,
                                                boolean fraud) {
        return new LabelledTransaction(new Transaction(id, card, new BigDecimal(amount), "EUR", "m-1", "5411", "DE",
                52.52, 13.405, eventTime, null), fraud, null);
    }
}
