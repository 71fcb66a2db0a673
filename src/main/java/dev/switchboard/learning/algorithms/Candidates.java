package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Choice;
import dev.switchboard.learning.explore.Exploration;
import dev.switchboard.learning.explore.ProbabilityVector;
import dev.switchboard.learning.explore.Sampler;
import java.util.random.RandomGenerator;

/** The shared last two steps of every learner: draw from the probability vector and describe the choice. */
final class Candidates {

    private Candidates() {
    }

    /**
     * @param candidates arm indices
     * @param estimates estimated expected reward of each candidate (aligned)
     * @param distribution the probability of each candidate (aligned)
     */
    static Choice draw(int[] candidates, double[] estimates, ProbabilityVector distribution, RandomGenerator rng) {
        int drawn = Sampler.draw(distribution, rng);
        boolean explore = estimates[drawn] < estimates[Exploration.best(estimates)];
        return new Choice(candidates[drawn], distribution.get(drawn), explore, candidates, estimates, distribution);
    }
}
