package dev.switchboard.learning.explore;

/**
 * The posterior distribution of one arm's score, as a Thompson-sampling learner sees it: what
 * {@link ProbabilityOfBest} needs to compute the probability that this arm's draw is the highest.
 */
public interface ScoreDistribution {

    /** {@code P(score ≤ s)}. */
    double cdf(double s);

    /** A score below which the mass is negligible (under 1e-12). */
    double lower();

    /** A score above which the mass is negligible (under 1e-12). */
    double upper();

    /** Centre of the mass, for placing integration nodes. */
    double location();

    /** Width of the mass (a standard deviation), for placing integration nodes; positive. */
    double spread();
}
