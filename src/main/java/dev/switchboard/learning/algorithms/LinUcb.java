package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Choice;
import dev.switchboard.learning.Learner;
import dev.switchboard.learning.LearnerConfig;
import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.FeatureVector;
import dev.switchboard.learning.explore.Exploration;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Disjoint LinUCB (Li, Chu, Langford and Schapire, WWW 2010, Algorithm 1): one ridge regression per arm, and the arm
 * maximising {@code θ_aᵀx + α·√(xᵀA_a⁻¹x)}. Deterministic: probability 1, or 1/m among m tied arms.
 */
public final class LinUcb implements Learner {

    public static final String NAME = "linucb";

    /**
     * @param alpha width of the confidence bound, ≥ 0 (default 1)
     * @param lambda ridge prior, > 0 (default 1)
     * @param maxFeatures most feature dimensions, bias and overflow bucket included (default 256)
     */
    public record Config(double alpha, double lambda, int maxFeatures) implements LearnerConfig {

        public static Config parse(Map<String, Object> params) {
            ParamReader reader = new ParamReader(NAME, params);
            Config config = new Config(reader.number("alpha", 1, 0, 100), reader.positive("lambda", 1),
                    LinearParams.maxFeatures(reader));
            reader.finish();
            return config;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Map<String, Object> params() {
            return Map.of("alpha", alpha, "lambda", lambda, "maxFeatures", maxFeatures);
        }

        @Override
        public int featureCapacity() {
            return maxFeatures;
        }

        @Override
        public Learner newLearner(int arms) {
            return new LinUcb(this, LinearArms.create(arms, lambda));
        }

        @Override
        public Learner readLearner(DataInput in) throws IOException {
            return new LinUcb(this, LinearArms.readFrom(in, lambda));
        }
    }

    private Config config;
    private final LinearArms arms;

    private LinUcb(Config config, LinearArms arms) {
        this.config = config;
        this.arms = arms;
    }

    @Override
    public Choice choose(FeatureVector x, int[] candidates, RandomGenerator rng) {
        double[] estimates = new double[candidates.length];
        double[] bounds = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            RidgeRegression arm = arms.arm(candidates[i]);
            estimates[i] = arm.mean(x);
            bounds[i] = estimates[i] + config.alpha() * Math.sqrt(arm.variance(x));
        }
        return Candidates.draw(candidates, estimates, Exploration.greedy(bounds), rng);
    }

    @Override
    public void learn(int arm, FeatureVector x, double reward) {
        arms.learn(arm, x, reward);
    }

    @Override
    public void addArm() {
        arms.addArm();
    }

    @Override
    public void reconfigure(LearnerConfig config) {
        this.config = (Config) config;
        arms.setLambda(this.config.lambda());
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        arms.writeTo(out);
    }
}
