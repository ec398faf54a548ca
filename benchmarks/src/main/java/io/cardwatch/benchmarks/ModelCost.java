package io.cardwatch.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.detector.backtest.HistoryReplay;
import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.LoadedModel;
import io.cardwatch.detector.model.ModelRisk;
import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.model.TreeEnsemble;
import io.cardwatch.events.ListEntry;
import io.cardwatch.simulator.HistoryFile;
import io.cardwatch.simulator.Scenario;
import io.cardwatch.simulator.TrafficModel;
import io.cardwatch.training.TrainModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the fraud model adds to the scoring of one transaction, in process and without Kafka: the simulator's
 * default labelled history ({@link LabelledRun}'s traffic and blocklist) replayed through the detector's own
 * scoring with the rules alone and with a model in force, trained on the history's first two thirds by the
 * training command. The difference is the model's cost: its features, its trees, and its explanation for the
 * transactions it adds points to. Its probability and its explanation (TreeSHAP) are also timed alone, on the
 * features of the history's transactions. Figures only, no asserts.
 * {@code -Pbenchmark -Dbench.main=io.cardwatch.benchmarks.ModelCost}; see docs/benchmarks.md.
 */
public final class ModelCost {

    private static final long TRANSACTIONS = 100_000;
    private static final String VERSION = "model-cost";
    private static final String NOTE = "known fraudulent merchant";
    private static final int WARM_UPS = 2;
    private static final int REPETITIONS = 5;
    // TreeSHAP walks every node of every tree whatever the values: a fifth of the transactions is enough to time it.
    private static final int EXPLAINED_STRIDE = 5;
    /** Where the timed calls' results go, so that the JIT cannot leave the calls out. */
    private static volatile double consumed;

    private ModelCost() {
    }

    /**
     * The figures, each a median over the repetitions, in µs: scoring a transaction with the rules alone and with
     * the model, one probability (margin) call, one explanation (contributions) call; and the share of
     * transactions whose decision the model added points to, which are the ones explained.
     */
    record Outcome(int trees, long transactions, double rulesMicros, double withModelMicros, double marginMicros,
                   double contributionsMicros, double explainedShare) {

        double modelMicros() {
            return withModelMicros - rulesMicros;
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        System.out.println(Hardware.describe());
        Results results = new Results();
        add(run(home.resolve("benchmarks/target/model-cost")), results);
        System.out.println();
        System.out.println(results.table());
    }

    static void add(Outcome cost, Results results) {
        String replays = String.format("median of %d replays of %,d after %d", REPETITIONS, cost.transactions(),
                WARM_UPS);
        results.add("Scoring in process, rules alone", micros(cost.rulesMicros()) + " a transaction", replays);
        results.add(String.format("Scoring in process, rules and model (%d trees)", cost.trees()),
                micros(cost.withModelMicros()) + " a transaction", replays);
        results.add("Model's cost per transaction (features, trees, explanations)", micros(cost.modelMicros()),
                "aim: at most 20 µs");
        results.add("Model probability (margin), one call", micros(cost.marginMicros()), "");
        results.add("Model explanation (TreeSHAP contributions), one call", micros(cost.contributionsMicros()),
                String.format("needed for %.2f%% of transactions", 100 * cost.explainedShare()));
    }

    static Outcome run(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path history = workDir.resolve("labelled-history.csv");
        Path lists = workDir.resolve("card-lists.jsonl");
        Path model = workDir.resolve("model.json");
        HistoryFile.write(new TrafficModel(LabelledRun.settings(TRANSACTIONS, LabelledRun.FIRST_DAY)), TRANSACTIONS,
                history);
        writeBlocklist(lists);
        PrintWriter console = new PrintWriter(System.out, true);
        if (TrainModel.run(console, console, "--history", history.toString(), "--lists", lists.toString(),
                "--out", model.toString(), "--version", VERSION) != 0) {
            throw new IllegalStateException("The model could not be trained on " + history);
        }
        try (HistoryReplay replay = HistoryReplay.of(history, lists)) {
            LoadedModel loaded = replay.model(model);
            Models withModel = new Models(loaded, null);
            double[] rules = new double[REPETITIONS];
            double[] both = new double[REPETITIONS];
            // Alternated, so that whatever else the machine does weighs on both alike.
            for (int pass = 0; pass < WARM_UPS + REPETITIONS; pass++) {
                double rulesMicros = microsPerTransaction(replay, Models.NONE);
                double bothMicros = microsPerTransaction(replay, withModel);
                if (pass >= WARM_UPS) {
                    rules[pass - WARM_UPS] = rulesMicros;
                    both[pass - WARM_UPS] = bothMicros;
                }
            }
            Scored scored = scored(replay, withModel);
            TreeEnsemble ensemble = loaded.ensemble();
            double margin = microsPerCall(scored.features(), 1, row -> ensemble.margin(row));
            double contributions = microsPerCall(scored.features(), EXPLAINED_STRIDE,
                    row -> ensemble.contributions(row)[0]);
            return new Outcome(loaded.artefact().trees().size(), scored.decisions(), median(rules), median(both),
                    margin, contributions, (double) scored.explained() / scored.decisions());
        }
    }

    private static double microsPerTransaction(HistoryReplay replay, Models models) {
        long[] decisions = new long[1];
        long started = System.nanoTime();
        replay.replay(models, (transaction, before, decision) -> decisions[0]++);
        return (System.nanoTime() - started) / 1e3 / decisions[0];
    }

    /** The features of every transaction the model scored, how many decisions there were and how many it explained. */
    private record Scored(List<double[]> features, long decisions, long explained) {
    }

    private static Scored scored(HistoryReplay replay, Models models) {
        List<double[]> features = new ArrayList<>(replay.transactions());
        long[] counts = new long[2];
        replay.replay(models, (transaction, before, decision) -> {
            counts[0]++;
            if (!decision.models().isEmpty()) {
                features.add(Features.of(transaction, before));
            }
            if (decision.reasons().stream().anyMatch(reason -> reason.code().equals(ModelRisk.CODE))) {
                counts[1]++;
            }
        });
        return new Scored(features, counts[0], counts[1]);
    }

    /** One call of {@code call} on every {@code stride}-th row, timed over the repetitions after the warm-ups. */
    private static double microsPerCall(List<double[]> rows, int stride, Call call) {
        double[] micros = new double[REPETITIONS];
        for (int pass = 0; pass < WARM_UPS + REPETITIONS; pass++) {
            double sum = 0;
            long calls = 0;
            long started = System.nanoTime();
            for (int row = 0; row < rows.size(); row += stride) {
                sum += call.on(rows.get(row));
                calls++;
            }
            long elapsed = System.nanoTime() - started;
            consumed = sum;
            if (pass >= WARM_UPS) {
                micros[pass - WARM_UPS] = elapsed / 1e3 / calls;
            }
        }
        return median(micros);
    }

    private interface Call {
        double on(double[] features);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String micros(double value) {
        return String.format("%.2f µs", value);
    }

    // The lists the labelled run puts the simulator's fraudulent merchants on, in the backtest's format.
    private static void writeBlocklist(Path lists) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder entries = new StringBuilder();
        for (String merchant : Scenario.blocklistedMerchants()) {
            entries.append(json.writeValueAsString(Map.of("key", ListEntry.merchantKey(merchant),
                    "list", ListEntry.ListType.BLOCK.name(), "note", NOTE))).append('\n');
        }
        Files.writeString(lists, entries);
    }
}
