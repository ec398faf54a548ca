package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what is wrong with a fraud model, so that one which cannot be scored or explained, or that reads other
 * features than this detector computes, is refused whole and the model in force stays.
 */
public final class ModelValidator {

    static final int MAX_TREES = 5000;
    static final int MAX_POINTS = 1000;
    // A dead letter names what is wrong; a tree broken in every node need not be listed node by node.
    static final int MAX_LISTED = 20;

    private final List<String> featureNames;

    /** @param featureNames the features this detector computes, in order: the only list a model may name */
    public ModelValidator(List<String> featureNames) {
        this.featureNames = List.copyOf(featureNames);
    }

    /** The problems of {@code model} published under {@code key}; empty when it can be used. */
    public List<String> problems(String key, FraudModel model) {
        List<String> problems = new ArrayList<>();
        if (!FraudModel.ACTIVE_KEY.equals(key) && !FraudModel.SHADOW_KEY.equals(key)) {
            problems.add("key must be '" + FraudModel.ACTIVE_KEY + "' or '" + FraudModel.SHADOW_KEY + "', was '"
                    + key + "'");
        }
        if (model.version() == null || model.version().isBlank()) {
            problems.add("version is missing");
        }
        List<String> differences = featureDifferences(model.features());
        if (!differences.isEmpty()) {
            problems.add("features differ from the detector's: " + String.join(", ", differences));
        }
        if (!Double.isFinite(model.baseMargin())) {
            problems.add("baseMargin " + model.baseMargin() + " not finite");
        }
        if (model.points() < 0 || model.points() > MAX_POINTS) {
            problems.add("points must be 0.." + MAX_POINTS + ", was " + model.points());
        }
        if (!(model.minProbability() >= 0 && model.minProbability() < 1)) {
            problems.add("minProbability must be in [0, 1), was " + model.minProbability());
        }
        int trees = model.trees().size();
        if (trees < 1 || trees > MAX_TREES) {
            problems.add(trees + " trees, must be 1.." + MAX_TREES);
        } else {
            for (int index = 0; index < trees; index++) {
                problems.addAll(TreeProblems.of(index, model.trees().get(index), model.features().size()));
            }
        }
        if (problems.size() > MAX_LISTED) {
            int more = problems.size() - MAX_LISTED;
            problems = new ArrayList<>(problems.subList(0, MAX_LISTED));
            problems.add("and " + more + " more");
        }
        return problems;
    }

    private List<String> featureDifferences(List<String> features) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(features.size(), featureNames.size()); i++) {
            if (i >= features.size()) {
                differences.add(i + " missing, expected '" + featureNames.get(i) + "'");
            } else if (i >= featureNames.size()) {
                differences.add(i + " '" + features.get(i) + "' not expected");
            } else if (!features.get(i).equals(featureNames.get(i))) {
                differences.add(i + " '" + features.get(i) + "', expected '" + featureNames.get(i) + "'");
            }
        }
        return differences;
    }
}
