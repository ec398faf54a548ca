package io.cardwatch.training;

/**
 * How the gradient-boosted trees are grown.
 *
 * @param rounds              the most trees, one per boosting round
 * @param maxDepth            the deepest a tree may grow
 * @param learningRate        the shrinkage of each tree's leaves (XGBoost's eta)
 * @param minChildWeight      the least hessian a leaf must hold: larger keeps rare patterns from being learnt alone
 * @param subsample           the share of training rows each tree sees
 * @param colsampleByTree     the share of features each tree may split on
 * @param earlyStoppingRounds training stops once this many rounds pass without a better validation AUC-PR
 * @param seed                fixes the sampling, so that the same history trains the same model
 */
record TrainingParameters(int rounds, int maxDepth, double learningRate, double minChildWeight, double subsample,
                          double colsampleByTree, int earlyStoppingRounds, long seed) {

    static final TrainingParameters DEFAULTS = new TrainingParameters(400, 6, 0.1, 1, 0.8, 0.8, 30, 14);

    TrainingParameters {
        if (rounds < 1 || maxDepth < 1 || earlyStoppingRounds < 0) {
            throw new IllegalArgumentException("rounds and depth must be positive, early stopping not negative");
        }
        if (learningRate <= 0 || learningRate > 1 || subsample <= 0 || subsample > 1
                || colsampleByTree <= 0 || colsampleByTree > 1) {
            throw new IllegalArgumentException("learning rate and sampling shares must be in (0, 1]");
        }
        if (minChildWeight < 0) {
            throw new IllegalArgumentException("min child weight must not be negative");
        }
    }
}
