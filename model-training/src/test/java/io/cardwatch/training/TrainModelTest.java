package io.cardwatch.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.backtest.BacktestMain;
import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.Topics;
import io.cardwatch.simulator.HistoryFile;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainModelTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    static Path directory;
    private static Path history;

    @BeforeAll
    static void simulatedHistory() throws Exception {
        // given four days of simulated traffic of 800 cards, 2% of slots starting a fraud episode
        history = directory.resolve("history.csv");
        HistoryFile.write(new TrafficModel(SimulationSettings.covering(7, 800, 0.02, 30_000, FROM,
                FROM.plusSeconds(4 * 86_400))), 30_000, history);
    }

    @Test
    void trainsOnTheFirstTwoThirdsOfTheTimeRangeTestsOnTheRestAndWritesAModelTheDetectorAccepts() throws Exception {
        // given
        Path model = directory.resolve("model.json");
        StringWriter out = new StringWriter();

        // when
        int exitCode = TrainModel.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "--history", history.toString(), "--out", model.toString(), "--version", "test-1", "--rounds", "60");

        // then
        assertThat(exitCode).isZero();
        FraudModel trained = Topics.FRAUD_MODELS.valueSerde().deserializer()
                .deserialize(Topics.FRAUD_MODELS.name(), Files.readAllBytes(model));
        assertThat(new ModelValidator(Features.NAMES).problems(FraudModel.ACTIVE_KEY, trained)).isEmpty();
        assertThat(trained.version()).isEqualTo("test-1");
        assertThat(trained.features()).isEqualTo(Features.NAMES);
        assertThat(trained.trees()).hasSizeBetween(1, 60);
        assertThat(trained.validation()).containsOnlyKeys("precision", "recall", "f1", "prAuc", "threshold",
                "rulesF1", "rulesAndModelF1");
        assertThat(out.toString())
                .contains("Test:       10070 transactions,   775 fraud, from 2026-11-03T12:35:54.240Z to 2026-11-04T18:53:22.560Z")
                .contains("Test, 10070 transactions from 2026-11-03T12:35:45.946Z:")
                .contains("rules + model")
                .contains("area under the precision-recall curve of the model: ")
                .contains("Wrote model test-1 (")
                .contains("--model " + model + " --measure-from 2026-11-03T12:35:45.946Z");
    }

    @Test
    void theBacktestScoresTheTrainedModelBesideTheRulesAndNamesItsReason() throws Exception {
        // given
        Path model = directory.resolve("backtested.json");
        TrainModel.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "--history", history.toString(), "--out", model.toString(), "--version", "test-2", "--rounds", "60");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;

        // when
        int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = BacktestMain.run("--history", history.toString(), "--model", model.toString(),
                    "--thresholds", "300");
        } finally {
            System.setOut(console);
        }

        // then
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).isZero();
        assertThat(report).contains("Rule set rules: version 1", "Rule set model: version 1",
                "Rule set rules+model: version 1", "model test-2");
        // the reasons table: alerts, true, false and precision of rules, model, and rules+model
        String[] modelRisk = report.lines().filter(line -> line.startsWith("MODEL_RISK ")).findFirst().orElseThrow()
                .split("\\s+");
        assertThat(modelRisk[1]).isEqualTo("0");
        assertThat(Integer.parseInt(modelRisk[5])).isPositive();
        assertThat(Integer.parseInt(modelRisk[9])).isPositive();
    }

    @Test
    void refusesATrainingShareOutsideZeroToOne() {
        // given
        StringWriter err = new StringWriter();

        // when
        int exitCode = TrainModel.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--history", history.toString(), "--out", directory.resolve("never.json").toString(),
                "--train-share", "1.5");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("train-model: --train-share must be between 0 and 1, was 1.5"
                + System.lineSeparator());
        assertThat(directory.resolve("never.json")).doesNotExist();
    }
}
