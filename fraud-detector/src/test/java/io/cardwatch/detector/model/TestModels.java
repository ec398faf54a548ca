package io.cardwatch.detector.model;

import io.cardwatch.events.FraudModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tiny models over the detector's features, whose scores are worked out by hand: one tree splitting on
 * {@code card_present} (a transaction of unknown channel counts as card present), a fifth of the training weight
 * on its card-present side.
 */
final class TestModels {

    static final Instant TRAINED_AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final int CARD_PRESENT = Features.NAMES.indexOf("card_present");

    private TestModels() {
    }

    /**
     * A model adding {@code leaf} to the log-odds of a card-present transaction and taking it from others, worth
     * {@code points} at probability 1. For a card-present one: probability sigmoid(leaf), and card_present
     * contributes leaf - (0.2 leaf - 0.8 leaf) = 1.6 leaf over the expected margin of -0.6 leaf.
     */
    static FraudModel cardPresent(String version, double leaf, int points) {
        FraudModel.Tree tree = new FraudModel.Tree(new int[] {1, -1, -1}, new int[] {2, -1, -1},
                new int[] {CARD_PRESENT, 0, 0}, new float[] {0.5f, 0, 0}, new boolean[] {true, false, false},
                new double[] {0, -leaf, leaf}, new double[] {100, 80, 20});
        return model(version, Features.NAMES, List.of(tree), points);
    }

    /** A model whose only tree leads from its last node back to the root. */
    static FraudModel withCycle(String version) {
        FraudModel.Tree tree = new FraudModel.Tree(new int[] {1, -1, 0}, new int[] {2, -1, 1},
                new int[] {CARD_PRESENT, 0, CARD_PRESENT}, new float[] {0.5f, 0, 0.5f},
                new boolean[] {true, false, true}, new double[] {0, 1, 0}, new double[] {100, 80, 20});
        return model(version, Features.NAMES, List.of(tree), 500);
    }

    /** A model that reads other features than the detector computes. */
    static FraudModel withFeatures(String version, List<String> features) {
        return model(version, features, cardPresent(version, 3, 500).trees(), 500);
    }

    private static FraudModel model(String version, List<String> features, List<FraudModel.Tree> trees, int points) {
        return new FraudModel(version, TRAINED_AT, "hand-made for tests", features, 0, points, 0.5, trees,
                Map.of("precision", 0.9));
    }
}
