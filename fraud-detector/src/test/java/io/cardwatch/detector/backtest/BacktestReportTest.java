package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.backtest.BacktestReport.Figures;
import io.cardwatch.detector.backtest.BacktestReport.ReasonFigures;
import io.cardwatch.detector.backtest.BacktestReport.ScenarioFigures;
import io.cardwatch.events.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestReportTest {

    private static final List<TransactionResult> RESULTS = List.of(
            result("t1", false, "LEGITIMATE", Outcome.APPROVE, 0),
            result("t2", false, null, Outcome.APPROVE, 150, "NEW_COUNTRY"),
            result("t3", false, null, Outcome.REVIEW, 400, "LARGE_AMOUNT"),
            result("t4", false, null, Outcome.DECLINE, 750, "AMOUNT_ANOMALY", "HIGH_RISK_MERCHANT", "FOLLOWS_ALERT"),
            result("t5", true, "CARD_TESTING", Outcome.APPROVE, 0),
            result("t6", true, "CARD_TESTING", Outcome.REVIEW, 300, "PROBING"),
            result("t7", true, "CARD_TESTING", Outcome.DECLINE, 800, "CARD_TESTING", "AMOUNT_ANOMALY", "FOLLOWS_ALERT"),
            result("t8", true, "STOLEN_CARD_SPREE", Outcome.REVIEW, 450, "LARGE_AMOUNT", "HIGH_RISK_MERCHANT"),
            result("t9", true, null, Outcome.REVIEW, 300, "IMPOSSIBLE_TRAVEL"),
            result("t10", false, "LEGITIMATE", Outcome.APPROVE, 0));

    @Test
    void countsAlertsAndDeclinesAgainstTheLabels() {
        Figures figures = BacktestReport.of(RESULTS).overall();

        assertThat(figures).isEqualTo(new Figures(10, 5, 6, 4, 2, 1));
        assertThat(List.of(figures.legitimate(), figures.falseAlerts(), figures.falseDeclines()))
                .containsExactly(5L, 2L, 1L);
        assertThat(figures.precision()).isEqualTo(4.0 / 6);
        assertThat(figures.recall()).isEqualTo(4.0 / 5);
        assertThat(figures.f1()).isEqualTo(8.0 / 11);
        assertThat(figures.alertRate()).isEqualTo(6.0 / 10);
        assertThat(figures.falsePositiveRate()).isEqualTo(2.0 / 5);
        assertThat(figures.declinePrecision()).isEqualTo(1.0 / 2);
        assertThat(figures.declineRecall()).isEqualTo(1.0 / 5);
    }

    @Test
    void creditsEachReasonWithTheAlertsItTookPartInMostFirst() {
        List<ReasonFigures> reasons = BacktestReport.of(RESULTS).reasons();

        assertThat(reasons).containsExactly(
                new ReasonFigures("AMOUNT_ANOMALY", 2, 1),
                new ReasonFigures("FOLLOWS_ALERT", 2, 1),
                new ReasonFigures("HIGH_RISK_MERCHANT", 2, 1),
                new ReasonFigures("LARGE_AMOUNT", 2, 1),
                new ReasonFigures("CARD_TESTING", 1, 1),
                new ReasonFigures("IMPOSSIBLE_TRAVEL", 1, 1),
                new ReasonFigures("PROBING", 1, 1));
        assertThat(reasons.get(0).falseAlerts()).isEqualTo(1);
        assertThat(reasons.get(0).precision()).isEqualTo(0.5);
        assertThat(reasons.get(6).precision()).isEqualTo(1.0);
    }

    @Test
    void measuresRecallPerFraudScenario() {
        List<ScenarioFigures> scenarios = BacktestReport.of(RESULTS).scenarios();

        assertThat(scenarios).containsExactly(
                new ScenarioFigures("CARD_TESTING", 3, 2, 1),
                new ScenarioFigures("STOLEN_CARD_SPREE", 1, 1, 0));
        assertThat(scenarios.get(0).recall()).isEqualTo(2.0 / 3);
    }

    @Test
    void leavesRatiosWithNothingToDivideByUndefined() {
        BacktestReport report = BacktestReport.of(List.of(result("t1", false, null, Outcome.APPROVE, 0)));

        Figures figures = report.overall();
        assertThat(figures).isEqualTo(new Figures(1, 0, 0, 0, 0, 0));
        assertThat(List.of(figures.precision(), figures.recall(), figures.f1(), figures.declinePrecision(),
                figures.declineRecall())).allMatch(ratio -> ratio.isNaN());
        assertThat(List.of(figures.alertRate(), figures.falsePositiveRate())).containsExactly(0.0, 0.0);
        assertThat(report.reasons()).isEmpty();
        assertThat(report.scenarios()).isEmpty();
        assertThat(ReportPrinter.percent(figures.precision())).isEqualTo("n/a");
        assertThat(ReportPrinter.percent(2.0 / 3)).isEqualTo("66.67%");
    }

    private static TransactionResult result(String id, boolean fraud, String scenario, Outcome outcome, int score,
                                            String... reasons) {
        return new TransactionResult(id, "card-1", Instant.parse("2026-11-22T10:00:00Z"), fraud, scenario, outcome,
                score, List.of(reasons));
    }
}
