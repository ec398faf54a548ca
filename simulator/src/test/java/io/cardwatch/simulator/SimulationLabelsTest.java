package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Transaction;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels file as docs/simulator.md describes it, and read back as the detection report reads it. */
class SimulationLabelsTest {

    @Test
    void writesOneRowForEachLabelAfterTheHeaderAndReadsThemBack() throws Exception {
        // given
        StringWriter file = new StringWriter();

        // when
        try (var labels = new SimulationLabels.Writer(file)) {
            labels.write(new LabelledTransaction(transaction("sim-1-1"), Scenario.LEGITIMATE, 0));
            labels.write(new LabelledTransaction(transaction("sim-1-2"), Scenario.CARD_TESTING, 7));
        }

        // then
        assertThat(file.toString()).isEqualTo("""
                transactionId,scenario,episode
                sim-1-1,LEGITIMATE,0
                sim-1-2,CARD_TESTING,7
                """);
        assertThat(SimulationLabels.read(new StringReader(file.toString()))).isEqualTo(Map.of(
                "sim-1-1", new DetectionReport.Label(Scenario.LEGITIMATE, 0),
                "sim-1-2", new DetectionReport.Label(Scenario.CARD_TESTING, 7)));
    }

    private static Transaction transaction(String transactionId) {
        return new Transaction(transactionId, "card-1", new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE",
                52.52, 13.405, Instant.parse("2026-11-20T10:15:30Z"));
    }
}
