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
 * ε-greedy (Sutton and Barto, Reinforcement Learning, 2nd ed., §2.2): with probability {@code 1 − ε} the arm of the
 * highest mean reward, otherwise a uniformly random candidate, so {@code p(a) = ε/K + (1 − ε)·[a best]/|best|}.
 * An arm without reward counts as best (each is tried before the greedy rule settles).
 */
public final class EpsilonGreedy extends ArmStateLearner<EpsilonGreedy.Config, RewardTotals> {

    public static final String NAME = "epsilon-greedy";

    /** @param epsilon the share of uniformly random choices, in [0, 1] (default 0.05) */
    public record Config(double epsilon) implements LearnerConfig {

        public static Config parse(Map<String, Object> params) {
            ParamReader reader = new ParamReader(NAME, params);
            Config config = new Config(reader.number("epsilon", 0.05, 0, 1));
            reader.finish();
            return config;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Map<String, Object> params() {
            return Map.of("epsilon", epsilon);
        }

        @Override
        public Learner newLearner(int arms) {
            return new EpsilonGreedy(this, new RewardTotals(arms));
        }

        @Override
        public Learner readLearner(DataInput in) throws IOException {
            return new EpsilonGreedy(this, RewardTotals.readFrom(in));
        }
    }

    private EpsilonGreedy(Config config, RewardTotals totals) {
        super(Config.class, config, totals);
    }

    @Override
    public Choice choose(FeatureVector x, int[] candidates, double[] penalties, RandomGenerator rng) {
        double[] estimates = new double[candidates.length];
        double[] greedyScores = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            estimates[i] = state.mean(candidates[i], 0.5);
            greedyScores[i] = state.mean(candidates[i], Double.POSITIVE_INFINITY) - penalties[i];
        }
        return Candidates.draw(candidates, estimates, penalties,
                Exploration.epsilonGreedy(greedyScores, config().epsilon()), rng);
    }
}
