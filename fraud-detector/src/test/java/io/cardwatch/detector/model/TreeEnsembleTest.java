package io.cardwatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.events.FraudModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    private static final double EXACT = 1e-9;

    /*
     * Node 0: amount_ratio < 0.5 (missing goes right), cover 10
     *   node 1: distance_km < 2 (missing goes left), cover 6
     *     node 3: leaf -1, cover 2
     *     node 4: leaf  2, cover 4
     *   node 2: leaf 3, cover 4
     * Expected values, weighting children by cover: E(1) = (2·-1 + 4·2) / 6 = 1; E(0) = (6·1 + 4·3) / 10 = 1.8.
     * With TreeSHAP's f(S), the prediction when only the features in S are known (an unknown one splits by cover):
     *   f({}) = 1.8, and the rest is worked out per transaction below.
     */
    private static final FraudModel.Tree DEPTH_TWO = new FraudModel.Tree(
            new int[] {1, 3, -1, -1, -1},
            new int[] {2, 4, -1, -1, -1},
            new int[] {0, 1, 0, 0, 0},
            new float[] {0.5f, 2f, 0, 0, 0},
            new boolean[] {false, true, false, false, false},
            new double[] {0, 0, 3, -1, 2},
            new double[] {10, 6, 4, 2, 4});

    // distance_km < 1: leaf 0.5 (cover 3), else leaf -0.25 (cover 7); E = (1.5 - 1.75) / 10 = -0.025.
    private static final FraudModel.Tree STUMP = new FraudModel.Tree(
            new int[] {1, -1, -1},
            new int[] {2, -1, -1},
            new int[] {1, 0, 0},
            new float[] {1f, 0, 0},
            new boolean[] {true, false, false},
            new double[] {0, 0.5, -0.25},
            new double[] {10, 3, 7});

    @Test
    void aTransactionScoresTheLeafItsFeaturesLeadTo() {
        TreeEnsemble ensemble = TreeEnsemble.of(model(0.5, DEPTH_TWO));

        // 0.2 < 0.5 goes left, 3 >= 2 goes right: leaf 4, margin 0.5 + 2.
        assertThat(ensemble.margin(new double[] {0.2, 3.0})).isEqualTo(2.5);
        assertThat(ensemble.probability(new double[] {0.2, 3.0})).isCloseTo(0.9241418199787566, within(EXACT));
    }

    @Test
    void contributionsOfADepthTwoTreeAreItsShapleyValues() {
        TreeEnsemble ensemble = TreeEnsemble.of(model(0.5, DEPTH_TWO));

        // Leaf 4: f({0}) = E(1) = 1; f({1}) = 0.6·2 + 0.4·3 = 2.4; f({0,1}) = 2.
        // φ0 = ½[(1 - 1.8) + (2 - 2.4)] = -0.6; φ1 = ½[(2.4 - 1.8) + (2 - 1)] = 0.8; bias 0.5 + 1.8 = 2.3.
        assertThat(ensemble.contributions(new double[] {0.2, 3.0}))
                .containsExactly(new double[] {-0.6, 0.8, 2.3}, within(EXACT));
        // Leaf 2: f({0}) = 3; f({1}) = 2.4; f({0,1}) = 3.
        // φ0 = ½[(3 - 1.8) + (3 - 2.4)] = 0.9; φ1 = ½[(2.4 - 1.8) + (3 - 3)] = 0.3; they add up to 3.5.
        assertThat(ensemble.contributions(new double[] {0.7, 3.0}))
                .containsExactly(new double[] {0.9, 0.3, 2.3}, within(EXACT));
    }

    @Test
    void aMissingFeatureTakesTheDefaultBranchInScoreAndExplanation() {
        TreeEnsemble ensemble = TreeEnsemble.of(model(0.5, DEPTH_TWO));

        // Node 0 sends a missing amount_ratio right, to leaf 2, as 0.7 went.
        assertThat(ensemble.margin(new double[] {Double.NaN, 3.0})).isEqualTo(3.5);
        assertThat(ensemble.contributions(new double[] {Double.NaN, 3.0}))
                .containsExactly(new double[] {0.9, 0.3, 2.3}, within(EXACT));
        // Node 1 sends a missing distance_km left, to leaf 3: f({0}) = 1; f({1}) = 0.6·-1 + 0.4·3 = 0.6;
        // f({0,1}) = -1. φ0 = ½[(1 - 1.8) + (-1 - 0.6)] = -1.2; φ1 = ½[(0.6 - 1.8) + (-1 - 1)] = -1.6.
        assertThat(ensemble.margin(new double[] {0.2, Double.NaN})).isEqualTo(-0.5);
        assertThat(ensemble.contributions(new double[] {0.2, Double.NaN}))
                .containsExactly(new double[] {-1.2, -1.6, 2.3}, within(EXACT));
    }

    @Test
    void theTreesOfAnEnsembleAddUp() {
        TreeEnsemble ensemble = TreeEnsemble.of(model(0.5, DEPTH_TWO, STUMP));

        // Leaf 4 of the first tree (2), the right leaf of the stump (-0.25): 0.5 + 2 - 0.25.
        assertThat(ensemble.margin(new double[] {0.2, 3.0})).isEqualTo(2.25);
        assertThat(ensemble.probability(new double[] {0.2, 3.0})).isCloseTo(0.9046505351008906, within(EXACT));
        // The stump gives distance_km -0.25 - (-0.025) = -0.225 on top of the first tree's 0.8;
        // the bias is 0.5 + 1.8 - 0.025.
        assertThat(ensemble.contributions(new double[] {0.2, 3.0}))
                .containsExactly(new double[] {-0.6, 0.575, 2.275}, within(EXACT));
    }

    @Test
    void aFeatureIsComparedWithItsThresholdInSinglePrecision() {
        // amount_ratio < 0.1f (0.10000000149011612): leaf 1 (cover 1), else leaf -1 (cover 1).
        FraudModel.Tree stump = new FraudModel.Tree(new int[] {1, -1, -1}, new int[] {2, -1, -1},
                new int[] {0, 0, 0}, new float[] {0.1f, 0, 0}, new boolean[] {true, false, false},
                new double[] {0, 1, -1}, new double[] {2, 1, 1});
        TreeEnsemble ensemble = TreeEnsemble.of(model(0, stump));

        // The double 0.1 is below 0.10000000149011612 but rounds to it as a float: not below, so right.
        assertThat(ensemble.margin(new double[] {0.1, 0})).isEqualTo(-1);
        assertThat(ensemble.contributions(new double[] {0.1, 0})).containsExactly(new double[] {-1, 0, 0}, within(EXACT));
        assertThat(ensemble.margin(new double[] {0.0999999, 0})).isEqualTo(1);
    }

    @Test
    void aFeatureSplitOnTwiceOnOnePathCountsOnce() {
        /*
         * Node 0: amount_ratio < 0.5, cover 10
         *   node 1: amount_ratio < 0.2, cover 6: leaf 3 = 1 (cover 2), leaf 4 = -2 (cover 4); E(1) = -1
         *   node 2: distance_km < 1, cover 4: leaf 5 = 4 (cover 1), leaf 6 = 0 (cover 3); E(2) = 1
         * E(0) = (6·-1 + 4·1) / 10 = -0.2.
         */
        FraudModel.Tree tree = new FraudModel.Tree(
                new int[] {1, 3, 5, -1, -1, -1, -1},
                new int[] {2, 4, 6, -1, -1, -1, -1},
                new int[] {0, 0, 1, 0, 0, 0, 0},
                new float[] {0.5f, 0.2f, 1f, 0, 0, 0, 0},
                new boolean[] {true, true, true, true, true, true, true},
                new double[] {0, 0, 0, 1, -2, 4, 0},
                new double[] {10, 6, 4, 2, 4, 1, 3});
        TreeEnsemble ensemble = TreeEnsemble.of(model(0, tree));

        // (0.3, 0.5) reaches leaf 4: f({0}) = -2; f({1}) = 0.6·E(1) + 0.4·4 = 1; f({0,1}) = -2.
        // φ0 = ½[(-2 + 0.2) + (-2 - 1)] = -2.4; φ1 = ½[(1 + 0.2) + (-2 + 2)] = 0.6.
        assertThat(ensemble.margin(new double[] {0.3, 0.5})).isEqualTo(-2);
        assertThat(ensemble.contributions(new double[] {0.3, 0.5}))
                .containsExactly(new double[] {-2.4, 0.6, -0.2}, within(EXACT));
    }

    @Test
    void aTreeOfOneLeafIsAllBias() {
        FraudModel.Tree leaf = new FraudModel.Tree(new int[] {-1}, new int[] {-1}, new int[] {0}, new float[] {0},
                new boolean[] {false}, new double[] {0.75}, new double[] {5});
        TreeEnsemble ensemble = TreeEnsemble.of(model(-1, leaf));

        assertThat(ensemble.margin(new double[] {3, 4})).isEqualTo(-0.25);
        assertThat(ensemble.contributions(new double[] {3, 4}))
                .containsExactly(new double[] {0, 0, -0.25}, within(EXACT));
    }

    @Test
    void contributionsOfDeepRandomTreesAreTheShapleyValuesOfTheirPathDependentExpectation() {
        Random random = new Random(14);
        List<FraudModel.Tree> trees = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            trees.add(RandomTree.grow(random, 4, 6));
        }
        FraudModel model = new FraudModel("random", Instant.EPOCH, "", List.of("a", "b", "c", "d"), -1.5, 100, 0.5,
                trees, Map.of());
        TreeEnsemble ensemble = TreeEnsemble.of(model);

        for (int draw = 0; draw < 50; draw++) {
            double[] features = new double[4];
            for (int f = 0; f < 4; f++) {
                features[f] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble();
            }

            double[] contributions = ensemble.contributions(features);

            assertThat(contributions).containsExactly(RandomTree.shapleyValues(model, features), within(EXACT));
            assertThat(Arrays.stream(contributions).sum()).isCloseTo(ensemble.margin(features), within(EXACT));
        }
    }

    @Test
    void featuresOfAnotherCountAreRefused() {
        TreeEnsemble ensemble = TreeEnsemble.of(model(0.5, DEPTH_TWO));

        assertThatThrownBy(() -> ensemble.margin(new double[] {0.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model m1 takes 2 features, was given 1");
    }

    private static FraudModel model(double baseMargin, FraudModel.Tree... trees) {
        return new FraudModel("m1", Instant.EPOCH, "", List.of("amount_ratio", "distance_km"), baseMargin, 100, 0.5,
                List.of(trees), Map.of());
    }
}
