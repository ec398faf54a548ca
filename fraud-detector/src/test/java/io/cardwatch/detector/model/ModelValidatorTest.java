package io.cardwatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cardwatch.events.FraudModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidatorTest {

    private static final List<String> FEATURES = List.of("amount_ratio", "distance_km");

    private final ModelValidator validator = new ModelValidator(FEATURES);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {FraudModel.ACTIVE_KEY, FraudModel.SHADOW_KEY})
    void aWellFormedModelHasNoProblems(String key) {
        assertThat(validator.problems(key, model(FEATURES, 0.5, 100, 0.2, List.of(tree(change -> { }))))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void aBrokenModelIsRefusedWithWhatIsWrong(String broken, String key, FraudModel model, List<String> problems) {
        assertThat(validator.problems(key, model)).containsExactlyElementsOf(problems);
    }

    static Stream<Arguments> brokenModels() {
        List<FraudModel.Tree> one = List.of(tree(change -> { }));
        return Stream.of(
                arguments("another key", "live", model(FEATURES, 0.5, 100, 0.2, one),
                        List.of("key must be 'active' or 'shadow', was 'live'")),
                arguments("a blank version", "active", new FraudModel(" ", Instant.EPOCH, "", FEATURES, 0.5, 100, 0.2,
                        one, Map.of()), List.of("version is missing")),
                arguments("a renamed feature", "active", model(List.of("amount_ratio", "distance"), 0.5, 100, 0.2, one),
                        List.of("features differ from the detector's: 1 'distance', expected 'distance_km'")),
                arguments("a feature too few", "active", model(List.of("amount_ratio"), 0.5, 100, 0.2, one),
                        List.of("features differ from the detector's: 1 missing, expected 'distance_km'",
                                "tree 0 node 1: feature 1 out of range 0..0")),
                arguments("a feature too many", "active",
                        model(List.of("amount_ratio", "distance_km", "hour"), 0.5, 100, 0.2, one),
                        List.of("features differ from the detector's: 2 'hour' not expected")),
                arguments("an infinite base margin", "active",
                        model(FEATURES, Double.NEGATIVE_INFINITY, 100, 0.2, one),
                        List.of("baseMargin -Infinity not finite")),
                arguments("too many points", "active", model(FEATURES, 0.5, 1001, 0.2, one),
                        List.of("points must be 0..1000, was 1001")),
                arguments("negative points", "active", model(FEATURES, 0.5, -1, 0.2, one),
                        List.of("points must be 0..1000, was -1")),
                arguments("a minimum probability of 1", "active", model(FEATURES, 0.5, 100, 1.0, one),
                        List.of("minProbability must be in [0, 1), was 1.0")),
                arguments("no minimum probability", "active", model(FEATURES, 0.5, 100, Double.NaN, one),
                        List.of("minProbability must be in [0, 1), was NaN")),
                arguments("no trees", "active", model(FEATURES, 0.5, 100, 0.2, List.of()),
                        List.of("0 trees, must be 1..5000")),
                arguments("too many trees", "active",
                        model(FEATURES, 0.5, 100, 0.2, Collections.nCopies(5001, tree(change -> { }))),
                        List.of("5001 trees, must be 1..5000")),
                arguments("no covers", "active", model(FEATURES, 0.5, 100, 0.2, List.of(new FraudModel.Tree(
                                new int[] {-1}, new int[] {-1}, new int[] {0}, new float[] {0}, new boolean[] {false},
                                new double[] {1}, null))),
                        List.of("tree 0: arrays missing: cover")),
                arguments("a feature array too short", "active", model(FEATURES, 0.5, 100, 0.2, List.of(
                                new FraudModel.Tree(new int[] {-1}, new int[] {-1}, new int[0], new float[] {0},
                                        new boolean[] {false}, new double[] {1}, new double[] {1}))),
                        List.of("tree 0: arrays differ in length: {left=1, right=1, feature=0, threshold=1, "
                                + "defaultLeft=1, value=1, cover=1}")),
                arguments("a tree of no nodes", "active", model(FEATURES, 0.5, 100, 0.2, List.of(new FraudModel.Tree(
                                new int[0], new int[0], new int[0], new float[0], new boolean[0], new double[0],
                                new double[0]))),
                        List.of("tree 0: 0 nodes, must be 1..65536")),
                arguments("a leaf with a right child", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.right()[2] = 3))),
                        List.of("tree 0 node 2: leaf has right child 3")),
                arguments("a left child past the end", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.left()[1] = 5))),
                        List.of("tree 0 node 1: left child 5 out of range 0..4")),
                arguments("a split without a right child", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.right()[0] = -1))),
                        List.of("tree 0 node 0: right child -1 out of range 0..4")),
                arguments("a split on an unknown feature", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.feature()[1] = 42))),
                        List.of("tree 0 node 1: feature 42 out of range 0..1")),
                arguments("a missing threshold", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.threshold()[0] = Float.NaN))),
                        List.of("tree 0 node 0: threshold NaN not finite")),
                arguments("an infinite leaf", "active", model(FEATURES, 0.5, 100, 0.2,
                                List.of(tree(tree -> tree.value()[3] = Double.POSITIVE_INFINITY))),
                        List.of("tree 0 node 3: value Infinity not finite")),
                arguments("a negative cover", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.cover()[4] = -1))),
                        List.of("tree 0 node 4: cover -1.0 must be finite and at least 0")),
                arguments("a split nothing reached in training", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.cover()[1] = 0))),
                        List.of("tree 0 node 1: split with cover 0.0, must be positive")),
                arguments("a cycle back to the root", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.right()[1] = 0))),
                        List.of("tree 0 node 0: reached twice from the root", "tree 0 node 4: not reachable from the root")),
                arguments("a leaf of two parents", "active",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(tree -> tree.right()[1] = 2))),
                        List.of("tree 0 node 2: reached twice from the root", "tree 0 node 4: not reachable from the root")),
                arguments("a second tree too deep", "shadow",
                        model(FEATURES, 0.5, 100, 0.2, List.of(tree(change -> { }), chain(65))),
                        List.of("tree 1: depth 65, must be at most 64")),
                arguments("more problems than are listed", "active", model(FEATURES, 0.5, 100, 0.2,
                                Collections.nCopies(25, tree(tree -> tree.value()[2] = Double.NaN))),
                        firstTwentyOfTwentyFiveNaNLeaves()));
    }

    /*
     * Node 0: amount_ratio < 0.5, cover 10
     *   node 1: distance_km < 2, cover 6: leaf 3 = -1 (cover 2), leaf 4 = 2 (cover 4)
     *   node 2: leaf 3, cover 4
     */
    private static FraudModel.Tree tree(Consumer<FraudModel.Tree> breaking) {
        FraudModel.Tree tree = new FraudModel.Tree(
                new int[] {1, 3, -1, -1, -1},
                new int[] {2, 4, -1, -1, -1},
                new int[] {0, 1, 0, 0, 0},
                new float[] {0.5f, 2f, 0, 0, 0},
                new boolean[] {false, true, false, false, false},
                new double[] {0, 0, 3, -1, 2},
                new double[] {10, 6, 4, 2, 4});
        breaking.accept(tree);
        return tree;
    }

    // Splits 0, 2, 4, ... each with a leaf on the left and the next split on the right, ending in two leaves.
    private static FraudModel.Tree chain(int depth) {
        int size = 2 * depth + 1;
        FraudModel.Tree tree = new FraudModel.Tree(new int[size], new int[size], new int[size], new float[size],
                new boolean[size], new double[size], new double[size]);
        for (int node = 0; node < size; node++) {
            boolean split = node % 2 == 0 && node < size - 1;
            tree.left()[node] = split ? node + 1 : -1;
            tree.right()[node] = split ? node + 2 : -1;
            tree.cover()[node] = 1;
        }
        return tree;
    }

    private static List<String> firstTwentyOfTwentyFiveNaNLeaves() {
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            problems.add("tree " + index + " node 2: value NaN not finite");
        }
        problems.add("and 5 more");
        return problems;
    }

    private static FraudModel model(List<String> features, double baseMargin, int points, double minProbability,
                                    List<FraudModel.Tree> trees) {
        return new FraudModel("gbt-2026-01", Instant.EPOCH, "test", features, baseMargin, points, minProbability,
                trees, Map.of());
    }
}
