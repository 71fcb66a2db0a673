package dev.switchboard.learning.explore;

import java.util.Arrays;

/**
 * The Thompson-sampling probability vector: for independent arm scores {@code S_a},
 * {@code p(a) = P(S_a > S_j for all j ≠ a) = ∫ f_a(s) Π_{j≠a} F_j(s) ds}.
 *
 * <p>Integrated numerically on the union of per-arm nodes ({@code location + spread·z} for a fixed set of
 * {@code z} in [−8, 8]), so that every arm's mass is resolved however narrow it is. On each cell the mass of
 * {@code a} is exact ({@code F_a(right) − F_a(left)}) and each other arm's CDF is the mean of its values at the
 * cell's ends (trapezoid rule, error O(h²)). Arms whose whole mass lies below another arm's lower tail get 0.
 *
 * <p>The result is then the policy itself: the learner draws from this vector rather than from the posteriors,
 * which is the same distribution up to the integration error, and makes the logged propensity exact.
 */
public final class ProbabilityOfBest {

    private static final double[] Z = {-8, -6, -5, -4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0,
        0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8};

    private ProbabilityOfBest() {
    }

    public static ProbabilityVector of(ScoreDistribution[] arms) {
        int k = arms.length;
        if (k == 1) {
            return ProbabilityVector.of(1);
        }
        double floor = Double.NEGATIVE_INFINITY;
        double ceiling = Double.NEGATIVE_INFINITY;
        for (ScoreDistribution arm : arms) {
            floor = Math.max(floor, arm.lower());
            ceiling = Math.max(ceiling, arm.upper());
        }
        int[] active = activeArms(arms, floor);
        double[] nodes = nodes(arms, active, floor, ceiling);
        double[][] cdf = new double[active.length][nodes.length];
        for (int a = 0; a < active.length; a++) {
            for (int n = 0; n < nodes.length; n++) {
                cdf[a][n] = arms[active[a]].cdf(nodes[n]);
            }
        }
        double[] weights = new double[k];
        double[] average = new double[active.length];
        double[] prefix = new double[active.length + 1];
        for (int n = 0; n + 1 < nodes.length; n++) {
            for (int a = 0; a < active.length; a++) {
                average[a] = 0.5 * (cdf[a][n] + cdf[a][n + 1]);
            }
            prefix[0] = 1;
            for (int a = 0; a < active.length; a++) {
                prefix[a + 1] = prefix[a] * average[a];
            }
            double suffix = 1;
            for (int a = active.length - 1; a >= 0; a--) {
                double mass = cdf[a][n + 1] - cdf[a][n];
                weights[active[a]] += Math.max(0, mass) * prefix[a] * suffix;
                suffix *= average[a];
            }
        }
        return normaliseOrUniform(weights, active);
    }

    private static int[] activeArms(ScoreDistribution[] arms, double floor) {
        int[] active = new int[arms.length];
        int n = 0;
        for (int i = 0; i < arms.length; i++) {
            if (arms[i].upper() > floor) {
                active[n++] = i;
            }
        }
        return Arrays.copyOf(active, n);
    }

    private static double[] nodes(ScoreDistribution[] arms, int[] active, double floor, double ceiling) {
        double[] nodes = new double[active.length * Z.length + 2];
        int n = 0;
        nodes[n++] = floor;
        nodes[n++] = ceiling;
        for (int a : active) {
            for (double z : Z) {
                double s = arms[a].location() + arms[a].spread() * z;
                if (s > floor && s < ceiling) {
                    nodes[n++] = s;
                }
            }
        }
        double[] sorted = Arrays.copyOf(nodes, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static ProbabilityVector normaliseOrUniform(double[] weights, int[] active) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (sum > 0) {
            return ProbabilityVector.normalise(weights);
        }
        double[] uniform = new double[weights.length];
        for (int a : active) {
            uniform[a] = 1.0 / active.length;
        }
        return ProbabilityVector.of(uniform);
    }
}
