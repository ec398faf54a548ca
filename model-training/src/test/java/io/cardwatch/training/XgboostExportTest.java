package io.cardwatch.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.detector.model.TreeEnsemble;
import io.cardwatch.events.FraudModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's own scoring of an exported model against XGBoost's on the same rows: the margin of every row,
 * and its TreeSHAP contributions, which the detector's reasons quote. Three features with a known rule, one of
 * them often unknown, so that trees split on all three and send missing values their default way
 * ({@link SyntheticRows}).
 */
class XgboostExportTest {

    private static final List<String> FEATURES = SyntheticRows.FEATURES;
    private static final double[][] ROWS = SyntheticRows.FEATURE_ROWS;
    // All sixty rounds of deep trees, so that paths split on the same feature twice, as TreeSHAP must handle.
    private static final TrainingParameters PARAMETERS = new TrainingParameters(60, 6, 0.3, 1, 0.8, 0.9, 0, 7);

    private static Booster booster;
    private static FraudModel model;

    @BeforeAll
    static void trainAndExport() throws XGBoostError {
        booster = new XgboostTrainer(PARAMETERS).train(SyntheticRows.training(), SyntheticRows.validation())
                .booster();
        model = XgboostExport.fraudModel(booster, FEATURES, "m-1", Instant.parse("2026-03-01T00:00:00Z"),
                "synthetic rows", 400, 0.5, Map.of("aucpr", 0.9));
    }

    @AfterAll
    static void disposeBooster() {
        booster.dispose();
    }

    @Test
    void theDetectorsMarginIsXgboostsForEveryRow() throws XGBoostError {
        // given the exported model and the booster it came from
        TreeEnsemble ensemble = TreeEnsemble.of(model);

        // when both score every row
        float[][] xgboost = booster.predict(SyntheticRows.all(), true);

        // then they agree on each
        for (int i = 0; i < ROWS.length; i++) {
            assertThat(ensemble.margin(ROWS[i])).as("margin of row %d", i).isCloseTo(xgboost[i][0], within(1e-5));
        }
    }

    @Test
    void theDetectorsContributionsAreXgboostsForEveryRow() throws XGBoostError {
        // given the exported model and the booster it came from
        TreeEnsemble ensemble = TreeEnsemble.of(model);

        // when both explain every row, each feature's contribution then the bias
        float[][] xgboost = booster.predictContrib(SyntheticRows.all(), 0);

        // then they agree on each value
        for (int i = 0; i < ROWS.length; i++) {
            double[] contributions = ensemble.contributions(ROWS[i]);
            assertThat(contributions).as("contributions of row %d", i).hasSize(FEATURES.size() + 1);
            for (int j = 0; j <= FEATURES.size(); j++) {
                assertThat(contributions[j]).as("contribution %d of row %d", j, i)
                        .isCloseTo(xgboost[i][j], within(1e-4));
            }
        }
    }

    @Test
    void theTreesSplitOnEveryFeatureAndSendMissingDistancesBothWays() throws XGBoostError {
        // given the exported trees
        List<FraudModel.Tree> trees = model.trees();

        // when their splits are listed
        boolean[] splitOn = new boolean[FEATURES.size()];
        boolean missingLeft = false;
        boolean missingRight = false;
        for (FraudModel.Tree tree : trees) {
            for (int node = 0; node < tree.left().length; node++) {
                if (tree.left()[node] != -1) {
                    splitOn[tree.feature()[node]] = true;
                    if (tree.feature()[node] == 1) {
                        missingLeft |= tree.defaultLeft()[node];
                        missingRight |= !tree.defaultLeft()[node];
                    }
                }
            }
        }

        // then the comparisons above exercised every feature and both defaults of the missing one
        assertThat(splitOn).containsOnly(true);
        assertThat(missingLeft).isTrue();
        assertThat(missingRight).isTrue();
        assertThat(trees).hasSize(60);
    }

    @Test
    void theArtefactCarriesWhatItWasGiven() {
        // given the export of the booster

        // then the artefact records the names, identity and figures it was given
        assertThat(model.features()).isEqualTo(FEATURES);
        assertThat(model.version()).isEqualTo("m-1");
        assertThat(model.trainedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(model.description()).isEqualTo("synthetic rows");
        assertThat(model.points()).isEqualTo(400);
        assertThat(model.minProbability()).isEqualTo(0.5);
        assertThat(model.validation()).isEqualTo(Map.of("aucpr", 0.9));
    }

    @Test
    void aBoosterOfOtherFeaturesIsRefused() {
        // given names for two features of a booster trained on three

        // when it is exported, then it is refused
        assertThatThrownBy(() -> XgboostExport.fraudModel(booster, List.of("amount", "distanceKm"), "m-2",
                Instant.parse("2026-03-01T00:00:00Z"), "synthetic rows", 400, 0.5, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the booster has 3 features, but 2 are named");
    }
}
