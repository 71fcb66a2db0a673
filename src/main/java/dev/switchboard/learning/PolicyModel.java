package dev.switchboard.learning;

import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.FeatureSpace;
import dev.switchboard.learning.encoding.FeatureVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Everything one policy has learned: its feature space, its learner, and reward totals per arm. It is a pure fold over
 * the feedback: the same feedback in the same order gives the same model, which is what makes a snapshot plus a replay
 * of the feedback since equal to the model that was lost.
 *
 * <p>Thread-safe: every method holds the model's monitor, and none does I/O.
 */
public final class PolicyModel {

    /**
     * 3 since numbers give step indicators (a vocabulary of format 2 would not be the one a replay builds), 4 since
     * the contextual learners learn their priors and noise, 5 since their arms no longer keep {@code b = Σ r·x}, 6
     * since they keep only the lower triangle of {@code A⁻¹} and a prompt's words weigh as a cross (a policy learned
     * under the old weights is replayed under the new), 7 since their arms keep the time of their first reward (an arm
     * that joins late learns under the wide prior for a while).
     */
    private static final int FORMAT = 7;

    /** The arm costs of a policy whose arms have none: every arm is free. */
    public static final double[] NO_COSTS = new double[0];

    private PolicyConfig config;
    private final FeatureSpace features;
    private final Learner learner;
    private double[] rewardCount;
    private double[] rewardSum;

    private PolicyModel(PolicyConfig config, FeatureSpace features, Learner learner, double[] count, double[] sum) {
        this.config = config;
        this.features = features;
        this.learner = learner;
        this.rewardCount = count;
        this.rewardSum = sum;
    }

    public static PolicyModel create(PolicyConfig config, int arms) {
        return new PolicyModel(config, new FeatureSpace(config.learner().encoding()), config.learner().newLearner(arms),
                new double[arms], new double[arms]);
    }

    public synchronized PolicyConfig config() {
        return config;
    }

    public synchronized int arms() {
        return rewardCount.length;
    }

    /**
     * Chooses among {@code candidates} (distinct arm indices, at least one) for this context.
     *
     * @param armCosts the cost of every arm by index (or {@link #NO_COSTS}), for a policy with a cost weight
     */
    public synchronized Choice choose(Context context, int[] candidates, double[] armCosts, RandomGenerator rng) {
        return learner.choose(features.encode(context), candidates, config.penalties(candidates, armCosts), rng);
    }

    /** Folds in one reward in [0, 1] for {@code arm}, chosen in {@code context}. */
    public synchronized void learn(int arm, Context context, double reward) {
        if (!(reward >= 0 && reward <= 1)) {
            throw new IllegalArgumentException("reward must be in [0, 1], got " + reward);
        }
        FeatureVector x = features.learn(context);
        learner.learn(arm, x, reward);
        rewardCount[arm] += 1;
        rewardSum[arm] += reward;
    }

    public synchronized void addArm() {
        learner.addArm();
        rewardCount = Arrays.copyOf(rewardCount, rewardCount.length + 1);
        rewardSum = Arrays.copyOf(rewardSum, rewardSum.length + 1);
    }

    /**
     * Applies new params of the same algorithm, keeping what was learned.
     *
     * @throws InvalidParamsException if the algorithm differs
     */
    public synchronized void reconfigure(PolicyConfig newConfig) {
        if (!newConfig.algorithm().equals(config.algorithm())) {
            throw new InvalidParamsException("algorithm is " + config.algorithm() + " and cannot become "
                    + newConfig.algorithm());
        }
        learner.reconfigure(newConfig.learner());
        features.setEncoding(newConfig.learner().encoding());
        config = newConfig;
    }

    public synchronized double rewardCount(int arm) {
        return rewardCount[arm];
    }

    public synchronized double rewardSum(int arm) {
        return rewardSum[arm];
    }

    /** The number of feature dimensions learned so far, bias and overflow included. */
    public synchronized int featureDimension() {
        return features.dimension();
    }

    /** The learned state (not the config) as bytes. */
    public synchronized byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(rewardCount.length);
            for (int i = 0; i < rewardCount.length; i++) {
                out.writeDouble(rewardCount[i]);
                out.writeDouble(rewardSum[i]);
            }
            features.writeTo(out);
            learner.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Whether {@code snapshot} is in the format this version writes. A snapshot of an older format is not read: the
     * policy is rebuilt by replaying its whole feedback log, which gives the same state.
     */
    public static boolean canRestore(byte[] snapshot) {
        return snapshot.length >= Integer.BYTES && java.nio.ByteBuffer.wrap(snapshot).getInt() == FORMAT;
    }

    /** Restores a {@link #snapshot()} under {@code config} (of the same algorithm, params possibly changed). */
    public static PolicyModel restore(PolicyConfig config, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot format " + format);
            }
            int arms = in.readInt();
            double[] count = new double[arms];
            double[] sum = new double[arms];
            for (int i = 0; i < arms; i++) {
                count[i] = in.readDouble();
                sum[i] = in.readDouble();
            }
            FeatureSpace features = FeatureSpace.readFrom(in, config.learner().encoding());
            return new PolicyModel(config, features, config.learner().readLearner(in), count, sum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
