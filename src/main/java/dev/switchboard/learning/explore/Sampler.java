package dev.switchboard.learning.explore;

import java.util.random.RandomGenerator;

/** Draws an index from a {@link ProbabilityVector}: the last step of estimate → explore → sample. */
public final class Sampler {

    private Sampler() {
    }

    /**
     * Inverse-CDF draw. An index of probability 0 is never returned; rounding at the top end falls back to the last
     * index of positive probability.
     */
    public static int draw(ProbabilityVector p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < p.size(); i++) {
            double pi = p.get(i);
            if (pi > 0) {
                lastPositive = i;
                cumulative += pi;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return lastPositive;
    }
}
