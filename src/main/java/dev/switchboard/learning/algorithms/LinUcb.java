package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Choice;
import dev.switchboard.learning.Learner;
import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.FeatureVector;
import dev.switchboard.learning.explore.Exploration;
import java.io.DataInput;
import java.io.IOException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Disjoint LinUCB (Li, Chu, Langford and Schapire, WWW 2010, Algorithm 1): one ridge regression per arm, and the arm
 * maximising {@code θ_aᵀx + α·√(xᵀA_a⁻¹x)} (net of the cost penalty), chosen with probability {@code 1 − ε + ε/K};
 * every other candidate keeps the floor {@code ε/K}. With {@code ε = 0} it is the deterministic textbook rule.
 */
public final class LinUcb extends LinearLearner<LinUcb.Config> {

    public static final String NAME = "linucb";

    /**
     * @param alpha width of the confidence bound in standard deviations of the estimate (noise learned), ≥ 0
     *        (default 2)
     * @param epsilon exploration floor in [0, 1]: every candidate keeps at least {@code ε/K} (default 0.005), so that no
     *        arm is written off for good on a few unlucky rewards and every logged propensity is below 1
     * @param lambda the ridge prior's precision every feature starts with, in units of the noise, > 0 (default 1)
     * @param features the encoding params shared by the contextual learners
     */
    public record Config(double alpha, double epsilon, double lambda, LinearParams features)
            implements LinearLearner.Config {

        public static Config parse(Map<String, Object> params) {
            ParamReader reader = new ParamReader(NAME, params);
            Config config = new Config(reader.number("alpha", 2, 0, 100), reader.number("epsilon", 0.005, 0, 1),
                    reader.positive("lambda", 1),
                    LinearParams.read(reader));
            reader.finish();
            return config;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Map<String, Object> params() {
            return features.with(Map.of("alpha", alpha, "epsilon", epsilon, "lambda", lambda));
        }

        @Override
        public Learner newLearner(int arms) {
            return new LinUcb(this, features.newArms(arms, lambda));
        }

        @Override
        public Learner readLearner(DataInput in) throws IOException {
            return new LinUcb(this, features.readArms(in, lambda));
        }
    }

    private LinUcb(Config config, LinearArms arms) {
        super(Config.class, config, arms);
    }

    @Override
    public Choice choose(FeatureVector x, int[] candidates, double[] penalties, RandomGenerator rng) {
        double[] estimates = new double[candidates.length];
        double[] bounds = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            estimates[i] = state.mean(candidates[i], x);
            bounds[i] = estimates[i] - penalties[i]
                    + config().alpha() * Math.sqrt(state.variance(candidates[i], x));
        }
        return Candidates.draw(candidates, estimates, penalties, Exploration.epsilonGreedy(bounds, config().epsilon()),
                rng);
    }
}
