package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Choice;
import dev.switchboard.learning.Learner;
import dev.switchboard.learning.LearnerConfig;
import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.FeatureVector;
import dev.switchboard.learning.explore.BetaScore;
import dev.switchboard.learning.explore.ProbabilityOfBest;
import dev.switchboard.learning.explore.ProbabilityVector;
import dev.switchboard.learning.explore.ScoreDistribution;
import dev.switchboard.learning.explore.ShiftedScore;
import java.io.DataInput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling with a Beta posterior per arm (Chapelle and Li, "An Empirical Evaluation of Thompson Sampling",
 * 2011). A reward r in [0, 1] updates the posterior fractionally: {@code α += r, β += 1 − r}.
 *
 * <p>Instead of drawing one sample per arm, it computes each candidate's probability of holding the highest draw
 * ({@link ProbabilityOfBest}) and draws the arm from that vector: the same policy, with an exact propensity. As the
 * vector depends only on the learned state, it is cached for a candidate set and refreshed once the rewards since the
 * last refresh reach {@value #REFRESH_SHARE} of all rewards (at least one): Thompson sampling on a posterior at most
 * 1% stale, at a cost logarithmic in the number of rewards. The reported propensity is always the one drawn from.
 */
public final class BetaThompson extends ArmStateLearner<BetaThompson.Config, RewardTotals> {

    public static final String NAME = "thompson";

    /** @param priorAlpha α of the Beta prior, > 0 (default 1) @param priorBeta β of the prior, > 0 (default 1) */
    public record Config(double priorAlpha, double priorBeta) implements LearnerConfig {

        public static Config parse(Map<String, Object> params) {
            ParamReader reader = new ParamReader(NAME, params);
            Config config = new Config(reader.positive("priorAlpha", 1), reader.positive("priorBeta", 1));
            reader.finish();
            return config;
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Map<String, Object> params() {
            return Map.of("priorAlpha", priorAlpha, "priorBeta", priorBeta);
        }

        @Override
        public Learner newLearner(int arms) {
            return new BetaThompson(this, new RewardTotals(arms));
        }

        @Override
        public Learner readLearner(DataInput in) throws IOException {
            return new BetaThompson(this, RewardTotals.readFrom(in));
        }
    }

    private static final double REFRESH_SHARE = 0.01;

    private int[] cachedCandidates;
    private double[] cachedPenalties;
    private ProbabilityVector cachedDistribution;
    private double rewardsSinceRefresh;

    private BetaThompson(Config config, RewardTotals totals) {
        super(Config.class, config, totals);
    }

    @Override
    public Choice choose(FeatureVector x, int[] candidates, double[] penalties, RandomGenerator rng) {
        double[] estimates = new double[candidates.length];
        ScoreDistribution[] posteriors = new ScoreDistribution[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            double alpha = config().priorAlpha() + state.sum(candidates[i]);
            double beta = config().priorBeta() + state.count(candidates[i]) - state.sum(candidates[i]);
            posteriors[i] = ShiftedScore.of(new BetaScore(alpha, beta), -penalties[i]);
            estimates[i] = alpha / (alpha + beta);
        }
        if (cachedDistribution == null || !Arrays.equals(cachedCandidates, candidates)
                || !Arrays.equals(cachedPenalties, penalties)
                || rewardsSinceRefresh >= Math.max(1, REFRESH_SHARE * state.totalCount())) {
            cachedDistribution = ProbabilityOfBest.of(posteriors);
            cachedCandidates = candidates.clone();
            cachedPenalties = penalties.clone();
            rewardsSinceRefresh = 0;
        }
        return Candidates.draw(candidates, estimates, penalties, cachedDistribution, rng);
    }

    @Override
    public void learn(int arm, FeatureVector x, double reward) {
        super.learn(arm, x, reward);
        rewardsSinceRefresh += 1;
    }

    @Override
    public void addArm() {
        super.addArm();
        cachedDistribution = null;
    }

    @Override
    void reconfigured(Config config) {
        cachedDistribution = null;
    }
}
