package io.cardwatch.training;

import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.detector.backtest.HistoryOptions;
import io.cardwatch.detector.backtest.TrainingExamples;
import io.cardwatch.detector.backtest.TrainingExamples.Example;
import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.TreeEnsemble;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Command line: trains the fraud model on a labelled history, split by time. The history is replayed through
 * the detector's own scoring to get each transaction's features, as the detector computes them online; the
 * earlier part of its time range is for training (its last fifth held out to stop boosting and to choose how the
 * model's points combine with the rules), the rest for testing, on which precision, recall and the area under
 * the precision-recall curve are printed. Writes the model as fraud-models JSON. See docs/model.md.
 */
@Command(name = "train-model", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Trains the gradient-boosted fraud model on a labelled history and writes it as fraud-models JSON.")
public final class TrainModel implements Callable<Integer> {

    // Of the training range, the latest part, held out: what a model meets after it is trained is later traffic.
    private static final double HELD_OUT = 0.2;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Mixin
    private HistoryOptions history;

    @Option(names = "--lists", paramLabel = "FILE",
            description = "Card and merchant list entries the history was scored under (JSON lines with the card-lists key).")
    private Path lists;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model (JSON).")
    private Path out;

    @Option(names = "--version", paramLabel = "NAME",
            description = "The model's version, named on every decision it scores (default: model-<UTC time of training>).")
    private String version;

    @Option(names = "--train-share", defaultValue = "0.6667", paramLabel = "SHARE",
            description = "The share of the history's time range, from its start, to train on; the rest tests the model.")
    private double trainShare;

    @Option(names = "--rounds", defaultValue = "400", description = "The most boosting rounds (trees).")
    private int rounds;

    @Option(names = "--max-depth", defaultValue = "6", description = "The depth of each tree.")
    private int maxDepth;

    @Option(names = "--learning-rate", defaultValue = "0.1", description = "How much each tree adds (eta).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "14", description = "Seeds row and column sampling.")
    private long seed;

    @Spec
    private CommandSpec spec;

    private TrainModel() {
    }

    public static void main(String[] args) {
        int exitCode = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line and returns its exit code: 0, 1 when it failed, 2 for a usage error. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Commands.run(new TrainModel(), out, err, args);
    }

    @Override
    public Integer call() throws IOException, XGBoostError {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("--train-share must be between 0 and 1, was " + trainShare);
        }
        PrintWriter console = spec.commandLine().getOut();
        TrainingExamples.Examples read = TrainingExamples.read(history, lists);
        List<Example> examples = read.examples();
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("History " + history.file() + " has no transaction to train on");
        }
        Instant first = examples.get(0).eventTime();
        Instant last = examples.get(examples.size() - 1).eventTime();
        Instant testFrom = at(first, last, trainShare);
        Instant heldOutFrom = at(first, testFrom, 1 - HELD_OUT);
        Split fitting = Split.of(examples, first, heldOutFrom);
        Split heldOut = Split.of(examples, heldOutFrom, testFrom);
        Split test = Split.of(examples, testFrom, last.plusNanos(1));
        console.printf(Locale.ROOT, "Read %s: %d transactions scored, %d rows unreadable%n", history.file(),
                examples.size(), read.unreadable());
        fitting.describe(console, "Training");
        heldOut.describe(console, "Held out");
        test.describe(console, "Test");
        fitting.requireBothClasses("training");
        heldOut.requireBothClasses("held-out");

        TrainingParameters parameters = new TrainingParameters(rounds, maxDepth, learningRate,
                TrainingParameters.DEFAULTS.minChildWeight(), TrainingParameters.DEFAULTS.subsample(),
                TrainingParameters.DEFAULTS.colsampleByTree(), TrainingParameters.DEFAULTS.earlyStoppingRounds(), seed);
        XgboostTrainer.TrainedBooster trained;
        DMatrix fittingMatrix = XgboostTrainer.matrix(fitting.features(), fitting.fraud());
        DMatrix heldOutMatrix = XgboostTrainer.matrix(heldOut.features(), heldOut.fraud());
        try {
            trained = new XgboostTrainer(parameters).train(fittingMatrix, heldOutMatrix);
        } finally {
            fittingMatrix.dispose();
            heldOutMatrix.dispose();
        }
        Booster booster = trained.booster();
        try {
            String name = version != null ? version : "model-" + VERSION.format(Instant.now());
            // Points and the probability below which the model stays silent are chosen on the held-out rows, with
            // the rules' own scores: what the model adds is judged by what it adds to the rules.
            FraudModel draft = XgboostExport.fraudModel(booster, Features.NAMES, name, Instant.now(), "", 0, 0, Map.of());
            TreeEnsemble ensemble = TreeEnsemble.of(draft);
            ModelEvaluation.Combination combination = ModelEvaluation.bestCombination(heldOut.rulesScores(),
                    read.reviewFrom(), heldOut.probabilities(ensemble), heldOut.fraud());
            ModelEvaluation.Threshold alone = ModelEvaluation.bestThreshold(heldOut.probabilities(ensemble),
                    heldOut.fraud());

            double[] testProbabilities = test.probabilities(ensemble);
            ModelEvaluation.Figures model = ModelEvaluation.at(testProbabilities, test.fraud(), alone.threshold());
            ModelEvaluation.Figures rules = ModelEvaluation.figures(test.flaggedByRules(read.reviewFrom()), test.fraud());
            ModelEvaluation.Figures both = ModelEvaluation.figures(ModelEvaluation.flaggedWith(test.rulesScores(),
                    read.reviewFrom(), testProbabilities, combination.points(), combination.minProbability()), test.fraud());
            double prAuc = ModelEvaluation.averagePrecision(testProbabilities, test.fraud());

            Map<String, Double> validation = new LinkedHashMap<>();
            validation.put("precision", model.precision());
            validation.put("recall", model.recall());
            validation.put("f1", model.f1());
            validation.put("prAuc", prAuc);
            validation.put("threshold", alone.threshold());
            validation.put("rulesF1", rules.f1());
            validation.put("rulesAndModelF1", both.f1());
            String description = String.format(Locale.ROOT,
                    "%d trees of depth %d on %s: trained on %d transactions (%d fraud) from %s to %s, tested on %d "
                            + "(%d fraud) from %s to %s", trained.rounds(), maxDepth, history.file().getFileName(),
                    fitting.size() + heldOut.size(), fitting.frauds() + heldOut.frauds(), first, testFrom,
                    test.size(), test.frauds(), testFrom, last);
            FraudModel trainedModel = XgboostExport.fraudModel(booster, Features.NAMES, name, draft.trainedAt(),
                    description, combination.points(), combination.minProbability(), validation);
            byte[] json = Topics.FRAUD_MODELS.valueSerde().serializer().serialize(Topics.FRAUD_MODELS.name(), trainedModel);
            Files.write(out, json);

            console.printf(Locale.ROOT, "Trained %d trees (best round on the held-out rows)%n", trained.rounds());
            console.printf(Locale.ROOT, "Points: %d at probability 1, none below probability %.2f (chosen on the "
                    + "held-out rows)%n", combination.points(), combination.minProbability());
            console.printf(Locale.ROOT, "Test, %d transactions from %s:%n", test.size(), testFrom);
            console.printf(Locale.ROOT, "  %-22s %9s %9s %9s%n", "", "precision", "recall", "F1");
            print(console, "rules", rules);
            print(console, String.format(Locale.ROOT, "model (p >= %.3f)", alone.threshold()), model);
            print(console, "rules + model", both);
            console.printf(Locale.ROOT, "  area under the precision-recall curve of the model: %.4f%n", prAuc);
            console.printf(Locale.ROOT, "Wrote model %s (%d bytes) to %s%n", name, json.length, out);
            console.printf(Locale.ROOT, "Backtest it on the test range: --history %s --model %s --measure-from %s%n",
                    history.file(), out, testFrom);
        } finally {
            booster.dispose();
        }
        return 0;
    }

    private static Instant at(Instant from, Instant to, double share) {
        return from.plusMillis((long) (Duration.between(from, to).toMillis() * share));
    }

    private static void print(PrintWriter console, String name, ModelEvaluation.Figures figures) {
        console.printf(Locale.ROOT, "  %-22s %8.2f%% %8.2f%% %8.2f%%%n", name, 100 * figures.precision(),
                100 * figures.recall(), 100 * figures.f1());
    }

    /** The examples of one part of the time range, from (inclusive) to (exclusive). */
    private record Split(List<Example> examples) {

        static Split of(List<Example> all, Instant from, Instant to) {
            return new Split(all.stream()
                    .filter(example -> !example.eventTime().isBefore(from) && example.eventTime().isBefore(to))
                    .toList());
        }

        int size() {
            return examples.size();
        }

        long frauds() {
            return examples.stream().filter(Example::fraud).count();
        }

        void describe(PrintWriter console, String name) {
            console.printf(Locale.ROOT, "%-9s %7d transactions, %5d fraud%s%n", name + ":", size(), frauds(),
                    examples.isEmpty() ? "" : ", from " + examples.get(0).eventTime() + " to "
                            + examples.get(examples.size() - 1).eventTime());
        }

        void requireBothClasses(String part) {
            long frauds = frauds();
            if (frauds == 0 || frauds == size()) {
                throw new IllegalArgumentException("The " + part + " part of the history needs both fraud and "
                        + "legitimate transactions, has " + frauds + " fraud of " + size());
            }
        }

        double[][] features() {
            return examples.stream().map(Example::features).toArray(double[][]::new);
        }

        boolean[] fraud() {
            boolean[] fraud = new boolean[examples.size()];
            for (int i = 0; i < fraud.length; i++) {
                fraud[i] = examples.get(i).fraud();
            }
            return fraud;
        }

        int[] rulesScores() {
            return examples.stream().mapToInt(Example::rulesScore).toArray();
        }

        double[] probabilities(TreeEnsemble ensemble) {
            return examples.stream().mapToDouble(example -> ensemble.probability(example.features())).toArray();
        }

        boolean[] flaggedByRules(int reviewFrom) {
            boolean[] flagged = new boolean[examples.size()];
            for (int i = 0; i < flagged.length; i++) {
                flagged[i] = examples.get(i).rulesScore() >= reviewFrom;
            }
            return flagged;
        }
    }
}
