package io.cardwatch.training;

import static org.assertj.core.api.Assertions.assertThat;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/** Training on {@link SyntheticRows}: where early stopping leaves the model, and that training repeats itself. */
class XgboostTrainerTest {

    private static final TrainingParameters PARAMETERS = new TrainingParameters(200, 4, 0.3, 1, 0.8, 0.9, 10, 7);

    @Test
    void earlyStoppingKeepsOnlyTheRoundsUpToTheBestValidation() throws XGBoostError {
        // given up to 200 rounds, stopping after 10 without a better validation AUC-PR

        // when the model is trained on rows whose rule a few dozen trees learn
        XgboostTrainer.TrainedBooster trained =
                new XgboostTrainer(PARAMETERS).train(SyntheticRows.training(), SyntheticRows.validation());

        // then it stopped early, and the booster holds exactly its best rounds
        assertThat(trained.rounds()).isBetween(1, 199);
        assertThat(trained.booster().getNumBoostedRound()).isEqualTo(trained.rounds());
        trained.booster().dispose();
    }

    @Test
    void theSameRowsAndSeedTrainTheSameModel() throws XGBoostError {
        // given two trainings with the same parameters on the same rows
        Booster first = new XgboostTrainer(PARAMETERS).train(SyntheticRows.training(), SyntheticRows.validation())
                .booster();
        Booster second = new XgboostTrainer(PARAMETERS).train(SyntheticRows.training(), SyntheticRows.validation())
                .booster();

        // when both score every row
        float[][] firstMargins = first.predict(SyntheticRows.all(), true);
        float[][] secondMargins = second.predict(SyntheticRows.all(), true);

        // then they are the same model
        assertThat(secondMargins).isDeepEqualTo(firstMargins);
        first.dispose();
        second.dispose();
    }
}
