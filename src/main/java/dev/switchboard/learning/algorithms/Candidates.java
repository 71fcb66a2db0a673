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
     * @param penalties what is subtracted from each candidate's reward (aligned)
     * @param distribution the probability of each candidate (aligned)
     */
    static Choice draw(int[] candidates, double[] estimates, double[] penalties, ProbabilityVector distribution,
            RandomGenerator rng) {
        int drawn = Sampler.draw(distribution, rng);
        double[] net = net(estimates, penalties);
        boolean explore = net[drawn] < net[Exploration.best(net)];
        return new Choice(candidates[drawn], distribution.get(drawn), explore, candidates, estimates, distribution);
    }

    /** {@code scores[i] − penalties[i]}. */
    static double[] net(double[] scores, double[] penalties) {
        double[] net = new double[scores.length];
        for (int i = 0; i < net.length; i++) {
            net[i] = scores[i] - penalties[i];
        }
        return net;
    }
}
