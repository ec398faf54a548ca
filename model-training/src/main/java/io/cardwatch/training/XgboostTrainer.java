package io.cardwatch.training;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the fraud model with XGBoost: a binary:logistic ensemble grown on the training rows while the area
 * under the precision-recall curve on later, held-out rows keeps improving. AUC-PR rather than ROC AUC because
 * fraud is rare: it is what an analyst's queue of alerts feels.
 */
final class XgboostTrainer {

    /** A booster of exactly the rounds that did best on the validation rows. */
    record TrainedBooster(Booster booster, int rounds) {
    }

    // Fixed rather than every core, so that training beside running services leaves them room.
    private static final int THREADS = 2;

    private final TrainingParameters parameters;

    XgboostTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The rows of {@code features} (one array per row, NaN where a feature is unknown) and their labels as a
     * matrix XGBoost trains on or predicts.
     */
    static DMatrix matrix(double[][] features, boolean[] fraud) throws XGBoostError {
        if (features.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        if (features.length != fraud.length) {
            throw new IllegalArgumentException(features.length + " rows for " + fraud.length + " labels");
        }
        int columns = features[0].length;
        float[] values = new float[features.length * columns];
        float[] labels = new float[features.length];
        for (int row = 0; row < features.length; row++) {
            if (features[row].length != columns) {
                throw new IllegalArgumentException("row " + row + " has " + features[row].length
                        + " features, not " + columns);
            }
            for (int column = 0; column < columns; column++) {
                values[row * columns + column] = (float) features[row][column];
            }
            labels[row] = fraud[row] ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(values, features.length, columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    /**
     * Trains on {@code training}, stopping early on {@code validation}, and returns the booster cut back to its
     * best round: XGBoost keeps growing {@code earlyStoppingRounds} trees past it before it notices. Without
     * early stopping, all the rounds.
     */
    TrainedBooster train(DMatrix training, DMatrix validation) throws XGBoostError {
        Booster booster = XGBoost.train(training, boosterParameters(), parameters.rounds(),
                Map.of("validation", validation), null, null, null, parameters.earlyStoppingRounds());
        int rounds = Integer.parseInt(booster.getAttr("best_iteration")) + 1;
        if (parameters.earlyStoppingRounds() == 0 || rounds == booster.getNumBoostedRound()) {
            return new TrainedBooster(booster, booster.getNumBoostedRound());
        }
        booster.dispose();
        // The same seed grows the same first trees, so training again for the best rounds gives the best model.
        return new TrainedBooster(
                XGBoost.train(training, boosterParameters(), rounds, Map.of(), null, null, null, 0), rounds);
    }

    private Map<String, Object> boosterParameters() {
        Map<String, Object> booster = new HashMap<>();
        booster.put("objective", "binary:logistic");
        booster.put("eval_metric", "aucpr");
        booster.put("maximize_evaluation_metrics", "true");
        booster.put("tree_method", "hist");
        booster.put("max_depth", parameters.maxDepth());
        booster.put("eta", parameters.learningRate());
        booster.put("min_child_weight", parameters.minChildWeight());
        booster.put("subsample", parameters.subsample());
        booster.put("colsample_bytree", parameters.colsampleByTree());
        booster.put("seed", parameters.seed());
        booster.put("nthread", THREADS);
        booster.put("verbosity", 0);
        booster.put("verbose_eval", 0);
        return booster;
    }
}
