package io.cardwatch.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.FraudModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Turns a trained booster into the detector's {@link FraudModel}, read from XGBoost's own JSON model so that the
 * detector scores the very trees XGBoost would, without its native library.
 */
final class XgboostExport {

    // Thresholds are compared in single precision: decimals are read exactly and rounded once to float, so a
    // value equal to a split point still goes the way it went in training.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private XgboostExport() {
    }

    /**
     * The model of {@code booster}, whose feature indexes follow {@code features}; the other arguments are
     * recorded as they are (see {@link FraudModel}).
     */
    static FraudModel fraudModel(Booster booster, List<String> features, String version, Instant trainedAt,
                                 String description, int points, double minProbability,
                                 Map<String, Double> validation) throws XGBoostError {
        JsonNode learner = parse(booster.toByteArray("json")).path("learner");
        String objective = learner.path("objective").path("name").asText();
        String gradientBooster = learner.path("gradient_booster").path("name").asText();
        if (!"binary:logistic".equals(objective) || !"gbtree".equals(gradientBooster)) {
            throw new IllegalArgumentException(
                    "only gbtree with binary:logistic exports, not " + gradientBooster + " with " + objective);
        }
        JsonNode parameters = learner.path("learner_model_param");
        if (parameters.path("num_target").asInt(1) != 1) {
            throw new IllegalArgumentException("only a single-target model exports");
        }
        int featureCount = parameters.path("num_feature").asInt();
        if (featureCount != features.size()) {
            throw new IllegalArgumentException(
                    "the booster has " + featureCount + " features, but " + features.size() + " are named");
        }
        List<FraudModel.Tree> trees = new ArrayList<>();
        for (JsonNode tree : learner.path("gradient_booster").path("model").path("trees")) {
            trees.add(tree(tree));
        }
        return new FraudModel(version, trainedAt, description, features, baseMargin(parameters), points,
                minProbability, trees, validation);
    }

    // binary:logistic keeps its intercept as a probability, since 3.0 as a one-element vector "[p]".
    private static double baseMargin(JsonNode parameters) {
        String baseScore = parameters.path("base_score").asText().replace("[", "").replace("]", "");
        double probability = Double.parseDouble(baseScore);
        return Math.log(probability / (1 - probability));
    }

    private static FraudModel.Tree tree(JsonNode tree) {
        int nodes = tree.path("left_children").size();
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] threshold = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        double[] value = new double[nodes];
        double[] cover = new double[nodes];
        for (int node = 0; node < nodes; node++) {
            if (tree.path("split_type").path(node).asInt() != 0) {
                throw new IllegalArgumentException("categorical splits do not export: tree " + tree.path("id"));
            }
            left[node] = tree.path("left_children").path(node).asInt();
            right[node] = tree.path("right_children").path(node).asInt();
            cover[node] = tree.path("sum_hessian").path(node).decimalValue().doubleValue();
            // A node's split condition is its threshold, or for a leaf what it adds to the margin.
            float condition = tree.path("split_conditions").path(node).decimalValue().floatValue();
            if (left[node] == -1) {
                value[node] = condition;
            } else {
                feature[node] = tree.path("split_indices").path(node).asInt();
                threshold[node] = condition;
                defaultLeft[node] = tree.path("default_left").path(node).asInt() != 0;
            }
        }
        return new FraudModel.Tree(left, right, feature, threshold, defaultLeft, value, cover);
    }

    private static JsonNode parse(byte[] model) {
        try {
            return JSON.readTree(model);
        } catch (IOException e) {
            throw new UncheckedIOException("XGBoost wrote a model that is not JSON", e);
        }
    }
}
