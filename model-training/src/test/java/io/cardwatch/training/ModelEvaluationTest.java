package io.cardwatch.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cardwatch.training.ModelEvaluation.Combination;
import io.cardwatch.training.ModelEvaluation.Figures;
import io.cardwatch.training.ModelEvaluation.Threshold;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The figures on small literal sets of probabilities and labels, each worked out by hand. */
class ModelEvaluationTest {

    private static final double EXACT = 1e-12;

    // Six transactions in falling probability, of which the first, third and fourth are fraud.
    private static final double[] FALLING = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] FIRST_THIRD_FOURTH = {true, false, true, true, false, false};

    static Stream<Arguments> thresholds() {
        return Stream.of(
                // 0.9, 0.8, 0.7 flagged: 2 of 3 right, 2 of 3 frauds found
                Arguments.of(0.65, new Figures(2 / 3.0, 2 / 3.0, 2 / 3.0)),
                // a threshold equal to a probability flags it: 0.9..0.6, all 3 frauds among 4
                Arguments.of(0.6, new Figures(0.75, 1, 6 / 7.0)),
                // everything flagged
                Arguments.of(0.0, new Figures(0.5, 1, 2 / 3.0)),
                // nothing flagged: no precision to speak of, none found
                Arguments.of(0.95, new Figures(0, 0, 0)));
    }

    @ParameterizedTest
    @MethodSource("thresholds")
    void figuresAtAThreshold(double threshold, Figures expected) {
        // given FALLING with frauds first, third and fourth

        // when flagged from the threshold up
        Figures figures = ModelEvaluation.at(FALLING, FIRST_THIRD_FOURTH, threshold);

        // then
        assertFigures(figures, expected);
    }

    static Stream<Arguments> averagePrecisions() {
        return Stream.of(
                // recall steps of 1/3 at precisions 1, 2/3 and 3/4: 1/3 + 2/9 + 1/4
                Arguments.of(FALLING, FIRST_THIRD_FOURTH, 29 / 36.0),
                // tied probabilities form one step: 1 fraud of 2 at 0.8 (recall 1/2, precision 1/2), then the
                // other at 0.3 (recall 1, precision 2/4), whatever the order the ties come in
                Arguments.of(new double[] {0.8, 0.8, 0.3, 0.3}, new boolean[] {false, true, false, true}, 0.5),
                // every fraud above every other transaction
                Arguments.of(new double[] {0.2, 0.9, 0.1, 0.7}, new boolean[] {false, true, false, true}, 1.0),
                // the only fraud ranked last of four: recall 1 at precision 1/4
                Arguments.of(new double[] {0.9, 0.8, 0.7, 0.1}, new boolean[] {false, false, false, true}, 0.25),
                // no fraud to find
                Arguments.of(new double[] {0.9, 0.1}, new boolean[] {false, false}, 0.0));
    }

    @ParameterizedTest
    @MethodSource("averagePrecisions")
    void areaUnderThePrecisionRecallCurve(double[] probability, boolean[] fraud, double expected) {
        // given the probabilities and labels

        // when the area is measured
        double area = ModelEvaluation.averagePrecision(probability, fraud);

        // then
        assertThat(area).isCloseTo(expected, within(EXACT));
    }

    static Stream<Arguments> bestThresholds() {
        return Stream.of(
                // F1 at 0.9, 0.8, 0.7, 0.6, 0.5, 0.4: 1/2, 2/5, 2/3, 6/7, 3/4, 2/3
                Arguments.of(FALLING, FIRST_THIRD_FOURTH, new Threshold(0.6, new Figures(0.75, 1, 6 / 7.0))),
                // F1 2/3 both at 0.9 (precision 1, recall 1/2) and at 0.6 (1/2, 1): the higher threshold
                Arguments.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, false, true},
                        new Threshold(0.9, new Figures(1, 0.5, 2 / 3.0))),
                // unordered, with one fraud among three tied at 0.4: F1 1/2 at 0.95, 4/5 at 0.7, 3/4 at 0.4
                Arguments.of(new double[] {0.4, 0.7, 0.4, 0.95, 0.4}, new boolean[] {true, true, false, true, false},
                        new Threshold(0.7, new Figures(1, 2 / 3.0, 0.8))));
    }

    @ParameterizedTest
    @MethodSource("bestThresholds")
    void bestThresholdByF1(double[] probability, boolean[] fraud, Threshold expected) {
        // given the probabilities and labels

        // when the threshold of the best F1 is sought
        Threshold best = ModelEvaluation.bestThreshold(probability, fraud);

        // then
        assertThat(best.threshold()).isEqualTo(expected.threshold());
        assertFigures(best.figures(), expected.figures());
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                // Review from 100. The rules alone catch only the first fraud (F1 1/2). The second (60, p 0.9)
                // needs round(0.9 points) >= 40: any points, minimum up to 0.9; the fourth (0, p 0.97) needs
                // round(0.97 points) >= 100: 150 points. The innocent third (60, p 0.2) would join from 200 points
                // with a minimum up to 0.2, the fifth (0, p 0.5) from 200 with a minimum up to 0.5. So 150 points
                // from 0.9, where the second's probability equals the minimum, catch all and only the frauds.
                Arguments.of(new int[] {100, 60, 60, 0, 0}, new double[] {0.1, 0.9, 0.2, 0.97, 0.5},
                        new boolean[] {true, true, false, true, false},
                        new Combination(150, 0.9, new Figures(1, 1, 1))),
                // The rules already catch the fraud and the model's only high probability is wrong: the model's
                // least say, 50 points from 0.95, which adds nothing.
                Arguments.of(new int[] {100, 0}, new double[] {0.1, 0.9}, new boolean[] {true, false},
                        new Combination(50, 0.95, new Figures(1, 1, 1))),
                // The model alone, rules silent. The fraud at p 0.3 needs 350 points (round(105) >= 100) and a
                // minimum up to 0.3, which let in the innocent at p 0.35 too: precision 2/3, recall 1, F1 4/5. Any
                // other choice catches at most the fraud at p 0.45 alone: F1 2/3.
                Arguments.of(new int[] {0, 0, 0}, new double[] {0.3, 0.35, 0.45},
                        new boolean[] {true, false, true},
                        new Combination(350, 0.3, new Figures(2 / 3.0, 1, 0.8))));
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void pointsAndMinimumProbabilityBesideTheRules(int[] rulesScore, double[] probability, boolean[] fraud,
                                                  Combination expected) {
        // given the rules' scores, the model's probabilities and the labels, reviewing from 100

        // when the model's points and minimum probability are chosen
        Combination best = ModelEvaluation.bestCombination(rulesScore, 100, probability, fraud);

        // then
        assertThat(best.points()).isEqualTo(expected.points());
        assertThat(best.minProbability()).isEqualTo(expected.minProbability());
        assertFigures(best.figures(), expected.figures());
    }

    private static void assertFigures(Figures actual, Figures expected) {
        assertThat(actual.precision()).as("precision").isCloseTo(expected.precision(), within(EXACT));
        assertThat(actual.recall()).as("recall").isCloseTo(expected.recall(), within(EXACT));
        assertThat(actual.f1()).as("F1").isCloseTo(expected.f1(), within(EXACT));
    }
}
