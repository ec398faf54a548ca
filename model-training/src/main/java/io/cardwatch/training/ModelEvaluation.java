package io.cardwatch.training;

import io.cardwatch.detector.model.ModelRisk;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well fraud probabilities pick out the fraud among held-out transactions, and the points and minimum
 * probability that make the model most useful beside the rules.
 */
final class ModelEvaluation {

    /** The figures of one way of flagging transactions; each is 0 where its denominator is. */
    record Figures(double precision, double recall, double f1) {

        static Figures of(int truePositives, int falsePositives, int falseNegatives) {
            double precision = truePositives + falsePositives == 0 ? 0
                    : (double) truePositives / (truePositives + falsePositives);
            double recall = truePositives + falseNegatives == 0 ? 0
                    : (double) truePositives / (truePositives + falseNegatives);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Figures(precision, recall, f1);
        }
    }

    /** Flagging from {@code threshold} up, and what it gives. */
    record Threshold(double threshold, Figures figures) {
    }

    /** The model's {@code points} from {@code minProbability} up, added to the rules' score, and what it gives. */
    record Combination(int points, double minProbability, Figures figures) {
    }

    // A decision's score is capped here, whatever the rules and the model add.
    private static final int MAX_SCORE = 1000;
    static final int LEAST_POINTS = 50;
    static final int MOST_POINTS = 1000;
    static final int POINTS_STEP = 50;
    /** Minimum probabilities 0.05, 0.10, ... 0.95. */
    static final int PROBABILITY_STEPS = 20;

    private ModelEvaluation() {
    }

    /** The figures of flagging {@code flagged} when {@code fraud} is the truth. */
    static Figures figures(boolean[] flagged, boolean[] fraud) {
        requireSameLength(flagged.length, fraud.length);
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (int row = 0; row < fraud.length; row++) {
            if (flagged[row] && fraud[row]) {
                truePositives++;
            } else if (flagged[row]) {
                falsePositives++;
            } else if (fraud[row]) {
                falseNegatives++;
            }
        }
        return Figures.of(truePositives, falsePositives, falseNegatives);
    }

    /** The figures of flagging every transaction whose probability is at least {@code threshold}. */
    static Figures at(double[] probability, boolean[] fraud, double threshold) {
        requireSameLength(probability.length, fraud.length);
        boolean[] flagged = new boolean[probability.length];
        for (int row = 0; row < probability.length; row++) {
            flagged[row] = probability[row] >= threshold;
        }
        return figures(flagged, fraud);
    }

    /**
     * The area under the precision-recall curve as average precision: the precision at each distinct threshold,
     * from the highest, weighted by the recall it adds (as scikit-learn's {@code average_precision_score}, with
     * no interpolation). 0 when there is no fraud to find.
     */
    static double averagePrecision(double[] probability, boolean[] fraud) {
        requireSameLength(probability.length, fraud.length);
        int frauds = count(fraud);
        if (frauds == 0) {
            return 0;
        }
        int[] order = descending(probability);
        double area = 0;
        int truePositives = 0;
        double recallBefore = 0;
        for (int start = 0; start < order.length; ) {
            int end = endOfTies(probability, order, start);
            for (int rank = start; rank < end; rank++) {
                truePositives += fraud[order[rank]] ? 1 : 0;
            }
            double recall = (double) truePositives / frauds;
            area += (recall - recallBefore) * truePositives / end;
            recallBefore = recall;
            start = end;
        }
        return area;
    }

    /** The threshold among the probabilities that gives the best F1; of equally good ones, the highest. */
    static Threshold bestThreshold(double[] probability, boolean[] fraud) {
        requireSameLength(probability.length, fraud.length);
        if (probability.length == 0) {
            throw new IllegalArgumentException("no transactions to choose a threshold on");
        }
        int frauds = count(fraud);
        int[] order = descending(probability);
        Threshold best = null;
        int truePositives = 0;
        for (int start = 0; start < order.length; ) {
            int end = endOfTies(probability, order, start);
            for (int rank = start; rank < end; rank++) {
                truePositives += fraud[order[rank]] ? 1 : 0;
            }
            Figures figures = Figures.of(truePositives, end - truePositives, frauds - truePositives);
            if (best == null || figures.f1() > best.figures().f1()) {
                best = new Threshold(probability[order[start]], figures);
            }
            start = end;
        }
        return best;
    }

    /**
     * The points (50 to 1000, by 50) and minimum probability (0.05 to 0.95, by 0.05) that give the best F1
     * when a transaction is flagged as the detector would: its rules' score plus {@code round(points × p)},
     * if its probability {@code p} reaches the minimum, is at least {@code reviewFrom}. Of equally good
     * choices, the fewest points and then the highest minimum: the model's least say that does as well.
     */
    static Combination bestCombination(int[] rulesScore, int reviewFrom, double[] probability, boolean[] fraud) {
        requireSameLength(rulesScore.length, fraud.length);
        requireSameLength(probability.length, fraud.length);
        Combination best = null;
        for (int points = LEAST_POINTS; points <= MOST_POINTS; points += POINTS_STEP) {
            for (int step = PROBABILITY_STEPS - 1; step >= 1; step--) {
                double minProbability = (double) step / PROBABILITY_STEPS;
                Figures figures = figures(flaggedWith(rulesScore, reviewFrom, probability, points, minProbability), fraud);
                if (best == null || figures.f1() > best.figures().f1()) {
                    best = new Combination(points, minProbability, figures);
                }
            }
        }
        return best;
    }

    /**
     * Which transactions the detector flags when the model adds {@code points} from {@code minProbability} up to
     * the rules' scores: the same points as {@link ModelRisk#points}, the same cap and threshold as the scorer.
     */
    static boolean[] flaggedWith(int[] rulesScore, int reviewFrom, double[] probability, int points,
                                 double minProbability) {
        boolean[] flagged = new boolean[rulesScore.length];
        for (int row = 0; row < flagged.length; row++) {
            int score = Math.min(MAX_SCORE, rulesScore[row] + ModelRisk.points(points, minProbability, probability[row]));
            flagged[row] = score >= reviewFrom;
        }
        return flagged;
    }

    private static int[] descending(double[] probability) {
        return IntStream.range(0, probability.length).boxed()
                .sorted(Comparator.comparingDouble((Integer row) -> probability[row]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int endOfTies(double[] probability, int[] order, int start) {
        int end = start + 1;
        while (end < order.length && probability[order[end]] == probability[order[start]]) {
            end++;
        }
        return end;
    }

    private static int count(boolean[] fraud) {
        int count = 0;
        for (boolean isFraud : fraud) {
            count += isFraud ? 1 : 0;
        }
        return count;
    }

    private static void requireSameLength(int length, int labels) {
        if (length != labels) {
            throw new IllegalArgumentException(length + " values for " + labels + " labels");
        }
    }
}
