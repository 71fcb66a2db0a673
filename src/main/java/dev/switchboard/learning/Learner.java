package dev.switchboard.learning;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataOutput;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * A bandit algorithm's learned state and decision rule. Arms are indices {@code 0..arms-1}, in the order they were
 * added; an arm is never removed (a retired arm is simply no longer a candidate).
 *
 * <p>Each implementation follows estimate → explore → sample: it scores the candidates, turns the scores into a
 * {@link dev.switchboard.learning.explore.ProbabilityVector}, and draws from it with
 * {@link dev.switchboard.learning.explore.Sampler}, so the probability it reports is the one it used.
 *
 * <p>Implementations are not thread-safe; the owning {@link PolicyModel} guards them.
 */
public interface Learner {

    /**
     * Chooses the candidate with the best expected reward net of its penalty (or samples by it).
     *
     * @param x the encoded context (non-contextual learners ignore it)
     * @param candidates distinct arm indices, at least one
     * @param penalties a known amount subtracted from each candidate's reward, aligned with {@code candidates} (the
     *        cost term of a cost-aware policy; zeros otherwise)
     */
    Choice choose(FeatureVector x, int[] candidates, double[] penalties, RandomGenerator rng);

    /** Folds in one reward in [0, 1] for {@code arm} in context {@code x}. */
    void learn(int arm, FeatureVector x, double reward);

    /** Appends a new arm with no learned state. */
    void addArm();

    /** Applies changed params of the same algorithm, keeping what was learned. */
    void reconfigure(LearnerConfig config);

    /** Writes the learned state (not the config) for a snapshot. */
    void writeTo(DataOutput out) throws IOException;
}
