package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.simulator.DetectionReport.Label;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionReportTest {

    private static final Map<String, Label> LABELS = Map.of(
            "t1", new Label(Scenario.LEGITIMATE, 0),
            "t2", new Label(Scenario.LEGITIMATE, 0),
            "t3", new Label(Scenario.LEGITIMATE, 0),
            "t4", new Label(Scenario.LEGITIMATE, 0),
            "t5", new Label(Scenario.CARD_TESTING, 1),
            "t6", new Label(Scenario.CARD_TESTING, 1),
            "t7", new Label(Scenario.CARD_TESTING, 2),
            "t8", new Label(Scenario.AMOUNT_SPIKE, 3),
            "t9", new Label(Scenario.AMOUNT_SPIKE, 4));

    @Test
    void scoresPrecisionOverAllAlertsAndRecallPerScenarioWithTheEpisodesCaught() {
        // Given 4 legitimate and 5 fraudulent transactions, all decided, of which t1 (legitimate), t6, t8, t9 flagged
        Set<String> decided = Set.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
        Set<String> flagged = Set.of("t1", "t6", "t8", "t9");

        // When
        DetectionReport report = DetectionReport.of(LABELS, flagged, decided);

        // Then per scenario: recall and episodes caught
        DetectionReport.Row cardTesting = row(report, "CARD_TESTING");
        assertThat(cardTesting).isEqualTo(new DetectionReport.Row("CARD_TESTING", 3, 1, 2, 1));
        assertThat(cardTesting.recall()).isEqualTo(1.0 / 3);
        assertThat(row(report, "AMOUNT_SPIKE")).isEqualTo(new DetectionReport.Row("AMOUNT_SPIKE", 2, 2, 2, 2));
        assertThat(row(report, "AMOUNT_SPIKE").recall()).isEqualTo(1.0);
        assertThat(row(report, "ACCOUNT_TAKEOVER")).isEqualTo(new DetectionReport.Row("ACCOUNT_TAKEOVER", 0, 0, 0, 0));
        assertThat(report.rows()).extracting(DetectionReport.Row::name).containsExactly("STOLEN_CARD_SPREE",
                "CARD_TESTING", "IMPOSSIBLE_TRAVEL", "AMOUNT_SPIKE", "NIGHT_BURST", "BLOCKLISTED_MERCHANT",
                "ACCOUNT_TAKEOVER", "PROBING", "ONLINE_ON_IN_PERSON_CARD");
        // And overall: 3 of the 4 alerts are on fraud, 3 of 5 fraudulent transactions flagged, 1 of 4 legitimate ones
        assertThat(report.allFraud()).isEqualTo(new DetectionReport.Row("ALL FRAUD", 5, 3, 4, 3));
        assertThat(report.alerts()).isEqualTo(4);
        assertThat(report.decided()).isEqualTo(9);
        assertThat(report.legitimate()).isEqualTo(4);
        assertThat(report.falsePositives()).isEqualTo(1);
        assertThat(report.precision()).isEqualTo(0.75);
        assertThat(report.recall()).isEqualTo(0.6);
        assertThat(report.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.falsePositiveRate()).isEqualTo(0.25);
        assertThat(report.alertRate()).isEqualTo(4.0 / 9);
    }

    @Test
    void precisionCountsEveryFalseAlertOnce() {
        // Given 3 false alerts and 2 true ones in two scenarios
        Set<String> flagged = Set.of("t1", "t2", "t3", "t5", "t8");

        DetectionReport report = DetectionReport.of(LABELS, flagged, LABELS.keySet());

        // Then precision is 2 of 5 alerts, whatever the scenarios
        assertThat(report.precision()).isEqualTo(0.4);
        assertThat(report.recall()).isEqualTo(0.4);
        assertThat(report.f1()).isCloseTo(0.4, within(1e-12));
        assertThat(report.falsePositiveRate()).isEqualTo(0.75);
        assertThat(report.alertRate()).isEqualTo(5.0 / 9);
    }

    @Test
    void leavesOutTransactionsWithoutADecisionYet() {
        DetectionReport report = DetectionReport.of(LABELS, Set.of("t5"), Set.of("t1", "t5"));

        assertThat(row(report, "CARD_TESTING")).isEqualTo(new DetectionReport.Row("CARD_TESTING", 1, 1, 1, 1));
        assertThat(report.precision()).isEqualTo(1.0);
        assertThat(report.falsePositiveRate()).isEqualTo(0.0);
        assertThat(report.alertRate()).isEqualTo(0.5);
    }

    @Test
    void withoutAlertsPrecisionAndF1AreZero() {
        DetectionReport report = DetectionReport.of(LABELS, Set.of(), LABELS.keySet());

        assertThat(report.precision()).isEqualTo(0.0);
        assertThat(report.recall()).isEqualTo(0.0);
        assertThat(report.f1()).isEqualTo(0.0);
        assertThat(report.alertRate()).isEqualTo(0.0);
    }

    @Test
    void printsOneLinePerScenarioThenTheOverallFigures() {
        String table = DetectionReport.of(LABELS, Set.of("t1", "t6", "t8", "t9"), LABELS.keySet()).toString();

        assertThat(table.lines()).containsSubsequence(
                "scenario                         tx  flagged  recall    episodes",
                "CARD_TESTING                      3        1   0.333     1/2    ",
                "AMOUNT_SPIKE                      2        2   1.000     2/2    ",
                "ONLINE_ON_IN_PERSON_CARD          0        0   0.000     0/0    ",
                "ALL FRAUD                         5        3   0.600     3/4    ",
                "overall: precision 0.750 (3 of 4 alerts on fraud), recall 0.600, f1 0.667",
                "legitimate: 4 transactions, 1 flagged (false positive rate 0.2500)",
                "alert rate: 0.4444 of 9 decided transactions");
    }

    private static DetectionReport.Row row(DetectionReport report, String name) {
        return report.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
