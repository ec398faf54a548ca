package io.cardwatch.training;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Five hundred labelled rows of three features with a known rule, the first four hundred to train on and the
 * rest to validate: amounts 0..99 and declines 0..4 in a fixed scramble, the distance unknown for one row in
 * five. Fraud is a large amount far from home (or from an unknown place), or many declines and a fair amount;
 * one label in nineteen is flipped, as real labels are never clean.
 */
final class SyntheticRows {

    static final List<String> FEATURES = List.of("amount", "distanceKm", "declinesToday");
    static final int TRAINING_ROWS = 400;
    static final int ROWS = 500;
    static final double[][] FEATURE_ROWS = IntStream.range(0, ROWS).mapToObj(SyntheticRows::row)
            .toArray(double[][]::new);
    static final boolean[] FRAUD = labels();

    private SyntheticRows() {
    }

    static DMatrix all() throws XGBoostError {
        return XgboostTrainer.matrix(FEATURE_ROWS, FRAUD);
    }

    static DMatrix training() throws XGBoostError {
        return XgboostTrainer.matrix(Arrays.copyOfRange(FEATURE_ROWS, 0, TRAINING_ROWS),
                Arrays.copyOfRange(FRAUD, 0, TRAINING_ROWS));
    }

    static DMatrix validation() throws XGBoostError {
        return XgboostTrainer.matrix(Arrays.copyOfRange(FEATURE_ROWS, TRAINING_ROWS, ROWS),
                Arrays.copyOfRange(FRAUD, TRAINING_ROWS, ROWS));
    }

    private static double[] row(int i) {
        double amount = (i * 37) % 100;
        double distance = i % 5 == 0 ? Double.NaN : (i * 53) % 40 + 0.5;
        double declines = (i * 11) % 5;
        return new double[] {amount, distance, declines};
    }

    private static boolean[] labels() {
        boolean[] fraud = new boolean[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double[] row = FEATURE_ROWS[i];
            boolean far = Double.isNaN(row[1]) || row[1] > 25;
            boolean rule = row[0] > 60 && far || row[2] >= 4 && row[0] > 40;
            fraud[i] = i % 19 == 0 != rule;
        }
        return fraud;
    }
}
