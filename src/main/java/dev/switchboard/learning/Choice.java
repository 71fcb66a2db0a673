package dev.switchboard.learning;

import dev.switchboard.learning.explore.ProbabilityVector;

/**
 * One decision of a learner over a set of candidate arms.
 *
 * @param arm the chosen arm (an index into the learner's arms)
 * @param probability the probability with which it was chosen, in (0, 1]
 * @param explore whether the chosen arm is not the one with the highest estimated reward
 * @param candidates the arms that were considered
 * @param estimates the estimated expected reward of each candidate, aligned with {@code candidates}
 * @param distribution the probability of each candidate, aligned with {@code candidates}
 */
public record Choice(int arm, double probability, boolean explore, int[] candidates, double[] estimates,
        ProbabilityVector distribution) {
}
