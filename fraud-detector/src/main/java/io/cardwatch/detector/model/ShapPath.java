package io.cardwatch.detector.model;

/**
 * The unique paths of path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2): for each feature met
 * on the way from the root, the fraction of the training cover that flows down the path when the feature is
 * unknown ({@code zero}) or known ({@code one}), and the permutation weights of subsets of each size. One path
 * per depth of the recursion lives in the same array, a path of depth d at element {@code at} taking d + 1
 * elements of four doubles each, so that a whole tree is explained without allocating and a path is copied to
 * the next depth at once.
 */
final class ShapPath {

    private static final int FEATURE = 0;
    private static final int ZERO = 1;
    private static final int ONE = 2;
    private static final int WEIGHT = 3;
    private static final int STRIDE = 4;

    private final double[] elements;
    // 1/k for every k a path of the deepest tree needs, so that the inner loops multiply instead of dividing.
    private final double[] reciprocal;

    /** @param maxDepth the depth of the deepest tree to explain, a single leaf being of depth 0 */
    ShapPath(int maxDepth) {
        int depths = maxDepth + 2;
        elements = new double[depths * (depths + 1) / 2 * STRIDE];
        reciprocal = new double[depths + 1];
        for (int k = 1; k <= depths; k++) {
            reciprocal[k] = 1.0 / k;
        }
    }

    int feature(int at, int i) {
        return (int) elements[(at + i) * STRIDE + FEATURE];
    }

    double zero(int at, int i) {
        return elements[(at + i) * STRIDE + ZERO];
    }

    double one(int at, int i) {
        return elements[(at + i) * STRIDE + ONE];
    }

    void copy(int from, int to, int length) {
        System.arraycopy(elements, from * STRIDE, elements, to * STRIDE, length * STRIDE);
    }

    /** Adds {@code feature} as element {@code depth} of the path at {@code at}. */
    void extend(int at, int depth, double zeroFraction, double oneFraction, int feature) {
        int last = (at + depth) * STRIDE;
        elements[last + FEATURE] = feature;
        elements[last + ZERO] = zeroFraction;
        elements[last + ONE] = oneFraction;
        elements[last + WEIGHT] = depth == 0 ? 1 : 0;
        double perLength = reciprocal[depth + 1];
        for (int i = depth - 1; i >= 0; i--) {
            int weight = (at + i) * STRIDE + WEIGHT;
            elements[weight + STRIDE] += oneFraction * elements[weight] * (i + 1) * perLength;
            elements[weight] = zeroFraction * elements[weight] * (depth - i) * perLength;
        }
    }

    /** Takes element {@code index} out of the path of {@code depth} at {@code at}, as if it had never been added. */
    void unwind(int at, int depth, int index) {
        double oneFraction = one(at, index);
        double zeroFraction = zero(at, index);
        double nextOnePortion = elements[(at + depth) * STRIDE + WEIGHT];
        double length = depth + 1;
        for (int i = depth - 1; i >= 0; i--) {
            int weight = (at + i) * STRIDE + WEIGHT;
            if (oneFraction != 0) {
                double previous = elements[weight];
                elements[weight] = nextOnePortion * length / ((i + 1) * oneFraction);
                nextOnePortion = previous - elements[weight] * zeroFraction * (depth - i) / length;
            } else {
                elements[weight] = elements[weight] * length / (zeroFraction * (depth - i));
            }
        }
        // The weights were recomputed in place above; only the rest of each element moves down.
        for (int i = index; i < depth; i++) {
            int element = (at + i) * STRIDE;
            elements[element + FEATURE] = elements[element + STRIDE + FEATURE];
            elements[element + ZERO] = elements[element + STRIDE + ZERO];
            elements[element + ONE] = elements[element + STRIDE + ONE];
        }
    }

    /** The total permutation weight the path would have without element {@code index}, leaving it unchanged. */
    double unwoundSum(int at, int depth, int index) {
        double oneFraction = one(at, index);
        double zeroFraction = zero(at, index);
        double length = depth + 1;
        double total = 0;
        if (oneFraction != 0) {
            double nextOnePortion = elements[(at + depth) * STRIDE + WEIGHT];
            double perOne = length / oneFraction;
            double zeroPerLength = zeroFraction / length;
            for (int i = depth - 1; i >= 0; i--) {
                double unwound = nextOnePortion * perOne * reciprocal[i + 1];
                total += unwound;
                nextOnePortion = elements[(at + i) * STRIDE + WEIGHT] - unwound * zeroPerLength * (depth - i);
            }
        } else if (zeroFraction != 0) {
            double perZero = length / zeroFraction;
            for (int i = depth - 1; i >= 0; i--) {
                total += elements[(at + i) * STRIDE + WEIGHT] * perZero * reciprocal[depth - i];
            }
        }
        return total;
    }
}
