package dev.switchboard.learning.explore;

import org.apache.commons.math3.special.Beta;

/**
 * {@code Beta(α, β)} as a {@link ScoreDistribution}; the CDF is the regularised incomplete beta function of Commons
 * Math ({@link Beta#regularizedBeta(double, double, double)}).
 */
public record BetaScore(double alpha, double beta) implements ScoreDistribution {

    private static final double TAIL = 10;

    public BetaScore {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("a beta score needs α, β > 0, got " + alpha + ", " + beta);
        }
    }

    @Override
    public double cdf(double s) {
        if (s <= 0) {
            return 0;
        }
        if (s >= 1) {
            return 1;
        }
        return Beta.regularizedBeta(s, alpha, beta);
    }

    @Override
    public double lower() {
        return Math.max(0, location() - TAIL * spread());
    }

    @Override
    public double upper() {
        return Math.min(1, location() + TAIL * spread());
    }

    @Override
    public double location() {
        return alpha / (alpha + beta);
    }

    @Override
    public double spread() {
        double n = alpha + beta;
        return Math.sqrt(alpha * beta / (n * n * (n + 1)));
    }
}
