package dev.switchboard.learning.explore;

/**
 * A validated distribution over the candidate arms of one decision: every entry finite and non-negative, the sum 1
 * (within {@value #TOLERANCE}, then renormalised exactly).
 *
 * <p>This is the middle step of estimate → explore → sample: whatever an algorithm estimates, what it logs as the
 * propensity of a choice is the entry of this vector that {@link Sampler} drew, so propensities are correct by
 * construction. Immutable.
 */
public final class ProbabilityVector {

    static final double TOLERANCE = 1e-6;

    private final double[] probabilities;

    private ProbabilityVector(double[] probabilities) {
        this.probabilities = probabilities;
    }

    /**
     * @throws IllegalArgumentException if the vector is empty, an entry is negative or not finite, or the sum is not 1
     */
    public static ProbabilityVector of(double... probabilities) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("a probability vector needs at least one entry");
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("probabilities must be finite and non-negative, got " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum);
        }
        double[] normalised = new double[probabilities.length];
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] = probabilities[i] / sum;
        }
        return new ProbabilityVector(normalised);
    }

    /** Normalises non-negative weights (at least one positive) into a probability vector. */
    public static ProbabilityVector normalise(double... weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("weights must have a finite positive sum, got " + sum);
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
        }
        return of(p);
    }

    public int size() {
        return probabilities.length;
    }

    public double get(int i) {
        return probabilities[i];
    }

    public double[] toArray() {
        return probabilities.clone();
    }
}
