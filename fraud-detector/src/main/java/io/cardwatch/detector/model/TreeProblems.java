package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Says what keeps one tree of a model from being walked and explained: broken arrays, links or numbers. */
final class TreeProblems {

    static final int MAX_NODES = 65536;
    // Explaining costs the square of the depth per leaf, and boosted trees are shallow (XGBoost's default is 6).
    static final int MAX_DEPTH = 64;

    private final String tree;
    private final FraudModel.Tree arrays;
    private final int featureCount;
    private final List<String> problems = new ArrayList<>();

    private TreeProblems(int index, FraudModel.Tree arrays, int featureCount) {
        this.tree = "tree " + index;
        this.arrays = arrays;
        this.featureCount = featureCount;
    }

    /** The problems of tree {@code index} of a model of {@code featureCount} features; empty when usable. */
    static List<String> of(int index, FraudModel.Tree tree, int featureCount) {
        TreeProblems check = new TreeProblems(index, tree, featureCount);
        check.run();
        return check.problems;
    }

    private void run() {
        Map<String, Integer> lengths = lengths();
        if (lengths.containsValue(null)) {
            List<String> missing = lengths.entrySet().stream()
                    .filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
            problems.add(tree + ": arrays missing: " + String.join(", ", missing));
            return;
        }
        if (lengths.values().stream().distinct().count() > 1) {
            problems.add(tree + ": arrays differ in length: " + lengths);
            return;
        }
        int size = arrays.left().length;
        if (size < 1 || size > MAX_NODES) {
            problems.add(tree + ": " + size + " nodes, must be 1.." + MAX_NODES);
            return;
        }
        boolean linked = true;
        for (int node = 0; node < size; node++) {
            linked &= checkLinks(node, size);
            checkNumbers(node);
        }
        if (linked) {
            checkShape(size);
        }
    }

    private Map<String, Integer> lengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("left", arrays.left() == null ? null : arrays.left().length);
        lengths.put("right", arrays.right() == null ? null : arrays.right().length);
        lengths.put("feature", arrays.feature() == null ? null : arrays.feature().length);
        lengths.put("threshold", arrays.threshold() == null ? null : arrays.threshold().length);
        lengths.put("defaultLeft", arrays.defaultLeft() == null ? null : arrays.defaultLeft().length);
        lengths.put("value", arrays.value() == null ? null : arrays.value().length);
        lengths.put("cover", arrays.cover() == null ? null : arrays.cover().length);
        return lengths;
    }

    private boolean checkLinks(int node, int size) {
        int left = arrays.left()[node];
        int right = arrays.right()[node];
        if (left == -1) {
            if (right != -1) {
                problems.add(at(node) + "leaf has right child " + right);
                return false;
            }
            return true;
        }
        boolean linked = true;
        if (left < 0 || left >= size) {
            problems.add(at(node) + "left child " + left + " out of range 0.." + (size - 1));
            linked = false;
        }
        if (right < 0 || right >= size) {
            problems.add(at(node) + "right child " + right + " out of range 0.." + (size - 1));
            linked = false;
        }
        int feature = arrays.feature()[node];
        if (feature < 0 || feature >= featureCount) {
            problems.add(at(node) + "feature " + feature + " out of range 0.." + (featureCount - 1));
        }
        if (arrays.cover()[node] == 0) {
            // Each child's share of a split is its cover over the split's.
            problems.add(at(node) + "split with cover 0.0, must be positive");
        }
        return linked;
    }

    private void checkNumbers(int node) {
        if (!Float.isFinite(arrays.threshold()[node])) {
            problems.add(at(node) + "threshold " + arrays.threshold()[node] + " not finite");
        }
        if (!Double.isFinite(arrays.value()[node])) {
            problems.add(at(node) + "value " + arrays.value()[node] + " not finite");
        }
        double cover = arrays.cover()[node];
        if (!Double.isFinite(cover) || cover < 0) {
            problems.add(at(node) + "cover " + cover + " must be finite and at least 0");
        }
    }

    // Walks from the root, so that a cycle or a node shared by two parents shows as a node reached twice.
    private void checkShape(int size) {
        boolean[] reached = new boolean[size];
        int[] depth = new int[size];
        int[] pending = new int[size];
        int count = 0;
        pending[count++] = 0;
        reached[0] = true;
        int deepest = 0;
        while (count > 0) {
            int node = pending[--count];
            deepest = Math.max(deepest, depth[node]);
            if (arrays.left()[node] == -1) {
                continue;
            }
            for (int child : new int[] {arrays.left()[node], arrays.right()[node]}) {
                if (reached[child]) {
                    problems.add(at(child) + "reached twice from the root");
                } else {
                    reached[child] = true;
                    depth[child] = depth[node] + 1;
                    pending[count++] = child;
                }
            }
        }
        for (int node = 0; node < size; node++) {
            if (!reached[node]) {
                problems.add(at(node) + "not reachable from the root");
            }
        }
        if (deepest > MAX_DEPTH) {
            problems.add(tree + ": depth " + deepest + ", must be at most " + MAX_DEPTH);
        }
    }

    private String at(int node) {
        return tree + " node " + node + ": ";
    }
}
