package io.cardwatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained fraud model: the record on the compacted {@code fraud-models} topic, under {@link #ACTIVE_KEY} for
 * the model that adds points to decisions or {@link #SHADOW_KEY} for one that is only scored and recorded.
 * The model is an ensemble of regression trees (gradient-boosted, as XGBoost trains them) whose leaf values
 * add up, with {@code baseMargin}, to the log-odds of fraud; {@code features} names the inputs in the order the
 * trees index them, which must be the detector's own feature list.
 *
 * @param version        names this model on every decision it scores; a new model needs a new version
 * @param trainedAt      when it was trained
 * @param description    what it was trained on, for people
 * @param features       the feature names, in the order of the trees' feature indexes
 * @param baseMargin     the log-odds before any tree
 * @param points         the points at probability 1 when active: a decision gets {@code points × probability}
 * @param minProbability below it the model adds no points and no reason
 * @param trees          the trees, whose leaf values are summed
 * @param validation     figures measured on held-out history when it was trained (precision, recall, ...)
 */
public record FraudModel(
        String version,
        Instant trainedAt,
        String description,
        List<String> features,
        double baseMargin,
        int points,
        double minProbability,
        List<Tree> trees,
        Map<String, Double> validation) {

    /** The key of the model that decides. */
    public static final String ACTIVE_KEY = "active";
    /** The key of the model that is scored beside it and recorded, but adds nothing. */
    public static final String SHADOW_KEY = "shadow";
    /** The largest model record: the publisher refuses more JSON than this, and the topic takes that much. */
    public static final int MAX_PUBLISHED_BYTES = 16 * 1024 * 1024;

    public FraudModel {
        features = features == null ? List.of() : List.copyOf(features);
        trees = trees == null ? List.of() : List.copyOf(trees);
        validation = validation == null ? Map.of() : Map.copyOf(validation);
    }

    /**
     * One regression tree as parallel arrays over its nodes, the root at index 0. A node is a leaf when
     * {@code left} is -1, and then {@code value} is what it adds to the margin; otherwise a feature value below
     * {@code threshold} (compared in single precision, as XGBoost does) goes left, others right, a missing one
     * (NaN) left when {@code defaultLeft}. {@code cover} is the training weight (sum of hessians) that reached
     * each node, which the explanation (TreeSHAP) needs.
     */
    public record Tree(int[] left, int[] right, int[] feature, float[] threshold, boolean[] defaultLeft,
                       double[] value, double[] cover) {
    }
}
