package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import java.util.List;

/**
 * A {@link FraudModel}'s trees compiled for scoring: every node of every tree in one set of primitive arrays, so
 * that a prediction walks memory without following references or allocating. The nodes are renumbered so that a
 * split's right child follows its left one, which turns each step down a tree into arithmetic instead of a
 * branch the processor would mispredict half the time. Immutable, and so shared by all stream threads.
 */
public final class TreeEnsemble {

    private static final int LEAF = -1;

    private final String version;
    private final int featureCount;
    private final double baseMargin;
    private final int[] roots;
    /** The left child of a split, the right being the next node; {@link #LEAF} for a leaf. */
    private final int[] child;
    private final int[] feature;
    private final float[] threshold;
    /** 1 where a missing value goes right, else 0. */
    private final int[] missingRight;
    private final double[] value;
    private final double[] cover;
    private final double bias;
    private final int maxDepth;

    private TreeEnsemble(FraudModel model) {
        List<FraudModel.Tree> trees = model.trees();
        int nodes = trees.stream().mapToInt(tree -> tree.left().length).sum();
        version = model.version();
        featureCount = model.features().size();
        baseMargin = model.baseMargin();
        roots = new int[trees.size()];
        child = new int[nodes];
        feature = new int[nodes];
        threshold = new float[nodes];
        missingRight = new int[nodes];
        value = new double[nodes];
        cover = new double[nodes];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            roots[t] = offset;
            offset = place(trees.get(t), offset);
        }
        double expected = baseMargin;
        int deepest = 0;
        for (int root : roots) {
            expected += expectedValue(root);
            deepest = Math.max(deepest, depth(root));
        }
        bias = expected;
        maxDepth = deepest;
    }

    // Numbers the nodes of tree from offset in breadth-first order, giving each split's children adjacent numbers.
    private int place(FraudModel.Tree tree, int offset) {
        int[] original = new int[tree.left().length];
        int placed = 1;
        for (int node = 0; node < placed; node++) {
            int from = original[node];
            int to = offset + node;
            feature[to] = tree.feature()[from];
            threshold[to] = tree.threshold()[from];
            missingRight[to] = tree.defaultLeft()[from] ? 0 : 1;
            value[to] = tree.value()[from];
            cover[to] = tree.cover()[from];
            if (tree.left()[from] == LEAF) {
                child[to] = LEAF;
            } else {
                child[to] = offset + placed;
                original[placed++] = tree.left()[from];
                original[placed++] = tree.right()[from];
            }
        }
        return offset + placed;
    }

    /** Compiles {@code model}, which must have passed the {@link ModelValidator}. */
    public static TreeEnsemble of(FraudModel model) {
        return new TreeEnsemble(model);
    }

    public String version() {
        return version;
    }

    /** How many values {@link #margin}, {@link #probability} and {@link #contributions} take, in model order. */
    public int featureCount() {
        return featureCount;
    }

    /** The log-odds of fraud: the base margin plus the leaf each tree sends {@code features} to. */
    public double margin(double[] features) {
        requireFeatures(features);
        double sum = baseMargin;
        for (int root : roots) {
            sum += value[leaf(root, features)];
        }
        return sum;
    }

    /** The probability of fraud: the logistic function of the {@link #margin}. */
    public double probability(double[] features) {
        return 1 / (1 + Math.exp(-margin(features)));
    }

    /**
     * What each feature adds to the {@link #margin}, by exact path-dependent TreeSHAP (as XGBoost's
     * {@code predictContrib} computes it): one value per feature, then the bias, the margin expected over the
     * training data (the base margin plus each tree's leaf values weighted by cover). They add up to the margin.
     */
    public double[] contributions(double[] features) {
        requireFeatures(features);
        double[] phi = new double[featureCount + 1];
        ShapPath path = new ShapPath(maxDepth);
        for (int root : roots) {
            explain(features, phi, path, root, 0, 0, 1, 1, LEAF);
        }
        phi[featureCount] = bias;
        return phi;
    }

    private int leaf(int root, double[] features) {
        int node = root;
        while (child[node] != LEAF) {
            node = next(node, features[feature[node]]);
        }
        return node;
    }

    // In single precision as XGBoost compares, so that a value on a float threshold goes the way it went in
    // training; a missing value (NaN) fails every comparison and takes the node's default.
    private int next(int node, double featureValue) {
        float x = (float) featureValue;
        int right = x >= threshold[node] ? 1 : 0;
        if (x != x) {
            right = missingRight[node];
        }
        return child[node] + right;
    }

    /**
     * Algorithm 2's RECURSE for {@code node}, reached with the unique path of {@code depth} at {@code parentAt} to
     * be extended by the split of the parent on {@code parentFeature}.
     */
    private void explain(double[] features, double[] phi, ShapPath path, int node, int depth, int parentAt,
                         double parentZero, double parentOne, int parentFeature) {
        int at = parentAt + depth + 1;
        path.copy(parentAt, at, depth + 1);
        path.extend(at, depth, parentZero, parentOne, parentFeature);
        if (child[node] == LEAF) {
            for (int i = 1; i <= depth; i++) {
                double weight = path.unwoundSum(at, depth, i);
                phi[path.feature(at, i)] += weight * (path.one(at, i) - path.zero(at, i)) * value[node];
            }
            return;
        }
        int split = feature[node];
        int hot = next(node, features[split]);
        int cold = 2 * child[node] + 1 - hot;
        double incomingZero = 1;
        double incomingOne = 1;
        int pathDepth = depth;
        for (int i = 1; i <= pathDepth; i++) {
            if (path.feature(at, i) == split) {
                // A feature split on again counts once: its earlier fractions carry on down this split.
                incomingZero = path.zero(at, i);
                incomingOne = path.one(at, i);
                path.unwind(at, pathDepth, i);
                pathDepth--;
                break;
            }
        }
        double hotZero = cover[hot] / cover[node] * incomingZero;
        double coldZero = cover[cold] / cover[node] * incomingZero;
        // A branch that no training weight and not this transaction reaches adds exactly nothing; skipping it
        // also spares the division by its zero fractions when a feature repeats below it.
        if (hotZero != 0 || incomingOne != 0) {
            explain(features, phi, path, hot, pathDepth + 1, at, hotZero, incomingOne, split);
        }
        if (coldZero != 0) {
            explain(features, phi, path, cold, pathDepth + 1, at, coldZero, 0, split);
        }
    }

    private double expectedValue(int node) {
        if (child[node] == LEAF) {
            return value[node];
        }
        int left = child[node];
        return (expectedValue(left) * cover[left] + expectedValue(left + 1) * cover[left + 1]) / cover[node];
    }

    private int depth(int node) {
        return child[node] == LEAF ? 0 : 1 + Math.max(depth(child[node]), depth(child[node] + 1));
    }

    private void requireFeatures(double[] features) {
        if (features.length != featureCount) {
            throw new IllegalArgumentException(
                    "model " + version + " takes " + featureCount + " features, was given " + features.length);
        }
    }
}
