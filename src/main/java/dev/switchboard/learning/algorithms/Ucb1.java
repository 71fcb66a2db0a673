package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Choice;
import dev.switchboard.learning.Learner;
import dev.switchboard.learning.LearnerConfig;
import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.FeatureVector;
import dev.switchboard.learning.explore.Exploration;
import java.io.DataInput;
import java.io.IOException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer, "Finite-time Analysis of the Multiarmed Bandit Problem", 2002): the arm
 * maximising {@code mean_a + c·√(ln n / n_a)}, where {@code n} counts the rewards of all arms. Arms without a reward
 * come first. Deterministic: the chosen arm has probability 1, or 1/m among m tied arms.
 */
public final class Ucb1 extends ArmStateLearner<Ucb1.Config, RewardTotals> {

    public static final String NAME = "ucb1";

    /** @param c width of the confidence bonus, ≥ 0 (default √2, the paper's constant) */
    public record Config(double c) implements LearnerConfig {

        public static Config parse(Map<String, Object> params) {
            ParamReader reader = new ParamReader(NAME, params);
            Config config = new Config(reader.number("c", Math.sqrt(2), 0, 100));
            reader.finish();
            return config;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Map<String, Object> params() {
            return Map.of("c", c);
        }

        @Override
        public Learner newLearner(int arms) {
            return new Ucb1(this, new RewardTotals(arms));
        }

        @Override
        public Learner readLearner(DataInput in) throws IOException {
            return new Ucb1(this, RewardTotals.readFrom(in));
        }
    }

    private Ucb1(Config config, RewardTotals totals) {
        super(Config.class, config, totals);
    }

    @Override
    public Choice choose(FeatureVector x, int[] candidates, double[] penalties, RandomGenerator rng) {
        double logN = Math.log(Math.max(1, state.totalCount()));
        double[] estimates = new double[candidates.length];
        double[] bounds = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            double n = state.count(candidates[i]);
            estimates[i] = state.mean(candidates[i], 0.5);
            bounds[i] = n > 0 ? estimates[i] - penalties[i] + config().c() * Math.sqrt(logN / n)
                    : Double.POSITIVE_INFINITY;
        }
        return Candidates.draw(candidates, estimates, penalties, Exploration.greedy(bounds), rng);
    }
}
