package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random trees, and the Shapley values TreeSHAP must reproduce computed from their definition: over every subset
 * S of the other features, the change in the tree's expected prediction when feature i joins S, where an unknown
 * feature's split averages its children by cover.
 */
final class RandomTree {

    private final List<Integer> left = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();
    private final List<Integer> feature = new ArrayList<>();
    private final List<Float> threshold = new ArrayList<>();
    private final List<Boolean> defaultLeft = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();
    private final List<Double> cover = new ArrayList<>();

    private RandomTree() {
    }

    static FraudModel.Tree grow(Random random, int featureCount, int maxDepth) {
        RandomTree tree = new RandomTree();
        tree.node(random, featureCount, maxDepth, 0);
        int size = tree.left.size();
        FraudModel.Tree grown = new FraudModel.Tree(new int[size], new int[size], new int[size], new float[size],
                new boolean[size], new double[size], new double[size]);
        for (int i = 0; i < size; i++) {
            grown.left()[i] = tree.left.get(i);
            grown.right()[i] = tree.right.get(i);
            grown.feature()[i] = tree.feature.get(i);
            grown.threshold()[i] = tree.threshold.get(i);
            grown.defaultLeft()[i] = tree.defaultLeft.get(i);
            grown.value()[i] = tree.value.get(i);
            grown.cover()[i] = tree.cover.get(i);
        }
        return grown;
    }

    // Covers add up from the leaves, as hessians do; some leaves get none, which TreeSHAP must survive.
    private int node(Random random, int featureCount, int maxDepth, int depth) {
        int index = left.size();
        left.add(-1);
        right.add(-1);
        feature.add(0);
        threshold.add(0f);
        defaultLeft.add(false);
        value.add(0.0);
        cover.add(0.0);
        if (depth == maxDepth || (depth > 0 && random.nextInt(5) == 0)) {
            value.set(index, random.nextGaussian());
            cover.set(index, random.nextInt(8) == 0 ? 0 : 0.5 + 4 * random.nextDouble());
            return index;
        }
        feature.set(index, random.nextInt(featureCount));
        threshold.set(index, random.nextFloat());
        defaultLeft.set(index, random.nextBoolean());
        int leftChild = node(random, featureCount, maxDepth, depth + 1);
        int rightChild = node(random, featureCount, maxDepth, depth + 1);
        left.set(index, leftChild);
        right.set(index, rightChild);
        double sum = cover.get(leftChild) + cover.get(rightChild);
        cover.set(index, sum == 0 ? 1 : sum);
        return index;
    }

    static double[] shapleyValues(FraudModel model, double[] features) {
        int n = features.length;
        double[] phi = new double[n + 1];
        for (FraudModel.Tree tree : model.trees()) {
            for (int i = 0; i < n; i++) {
                for (int subset = 0; subset < 1 << n; subset++) {
                    if ((subset & 1 << i) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(subset);
                    double weight = factorial(size) * factorial(n - size - 1) / factorial(n);
                    phi[i] += weight * (expected(tree, 0, subset | 1 << i, features) - expected(tree, 0, subset, features));
                }
            }
            phi[n] += expected(tree, 0, 0, features);
        }
        phi[n] += model.baseMargin();
        return phi;
    }

    private static double expected(FraudModel.Tree tree, int node, int known, double[] features) {
        if (tree.left()[node] == -1) {
            return tree.value()[node];
        }
        int split = tree.feature()[node];
        if ((known & 1 << split) != 0) {
            float x = (float) features[split];
            boolean goesLeft = Float.isNaN(x) ? tree.defaultLeft()[node] : x < tree.threshold()[node];
            return expected(tree, goesLeft ? tree.left()[node] : tree.right()[node], known, features);
        }
        int l = tree.left()[node];
        int r = tree.right()[node];
        return (tree.cover()[l] * expected(tree, l, known, features) + tree.cover()[r] * expected(tree, r, known, features))
                / tree.cover()[node];
    }

    private static double factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }
}
