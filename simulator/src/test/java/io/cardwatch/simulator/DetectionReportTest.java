package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
    void scoresEachScenarioAgainstLegitimateTrafficAndCountsCaughtEpisodes() {
        Set<String> decided = Set.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
        Set<String> flagged = Set.of("t1", "t6", "t8", "t9");

        DetectionReport report = DetectionReport.of(LABELS, flagged, decided);

        DetectionReport.Row cardTesting = row(report, "CARD_TESTING");
        assertThat(cardTesting).isEqualTo(new DetectionReport.Row("CARD_TESTING", 3, 1, 1, 2, 1));
        assertThat(cardTesting.recall()).isEqualTo(1.0 / 3);
        assertThat(cardTesting.precision()).isEqualTo(0.5);
        assertThat(cardTesting.f1()).isEqualTo(0.4);
        assertThat(row(report, "AMOUNT_SPIKE")).isEqualTo(new DetectionReport.Row("AMOUNT_SPIKE", 2, 2, 1, 2, 2));
        DetectionReport.Row all = row(report, "ALL FRAUD");
        assertThat(all).isEqualTo(new DetectionReport.Row("ALL FRAUD", 5, 3, 1, 4, 3));
        assertThat(all.precision()).isEqualTo(0.75);
        assertThat(all.recall()).isEqualTo(0.6);
        assertThat(report.alertRate()).isEqualTo(4.0 / 9);
    }

    @Test
    void leavesOutTransactionsWithoutADecisionYet() {
        DetectionReport report = DetectionReport.of(LABELS, Set.of("t5"), Set.of("t1", "t5"));

        assertThat(row(report, "CARD_TESTING")).isEqualTo(new DetectionReport.Row("CARD_TESTING", 1, 1, 0, 1, 1));
        assertThat(report.alertRate()).isEqualTo(0.5);
    }

    @Test
    void printsATableWithOneLinePerScenario() {
        String table = DetectionReport.of(LABELS, Set.of("t1", "t6", "t8", "t9"), LABELS.keySet()).toString();

        assertThat(table.lines()).contains(
                "CARD_TESTING                  3        1     0.500   0.333   0.400    1/2   ",
                "ALL FRAUD                     5        3     0.750   0.600   0.667    3/4   ",
                "legitimate: 4 transactions, 1 flagged (false positive rate 0.2500)",
                "alert rate: 0.4444 of 9 decided transactions");
    }

    private static DetectionReport.Row row(DetectionReport report, String name) {
        return report.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
