package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link RidgeRegression} per arm (the disjoint linear model), shared by the contextual learners, with an
 * optional random walk of the weights.
 *
 * <p>Providers change models silently, so an arm's quality may wander. With {@code drift = σ}, every weight of every
 * arm is taken to follow a random walk whose standard deviation grows by {@code σ} per 1,000 rewards: between two
 * updates of an arm, {@code σ²·Δ/1000} is added to the variance of each of its weights, {@code Δ} being the number
 * of rewards the policy learned in between (the prediction step of a Kalman filter; estimates stay). Whatever an arm
 * keeps being chosen for keeps being corrected and stays certain; what it was written off for slowly becomes
 * uncertain again until its bound or its posterior makes it worth another look, which is how a model that silently
 * got better at something is found again. Time is counted in rewards, so it advances identically on every replica
 * and in every replay.
 */
final class LinearArms {

    /**
     * What an arm is expected to earn before it has learned anything: the middle of [0, 1]. The regressions learn
     * {@code reward − ½}, so their ridge prior pulls towards an undecided ½ rather than towards a pessimistic 0 (which
     * would leave an untried arm out of the running wherever the rewards are high).
     */
    static final double PRIOR_MEAN = 0.5;

    private final List<RidgeRegression> arms;
    private final List<Long> lastUpdate;
    private long time;
    private double lambda;
    private double drift;

    private LinearArms(List<RidgeRegression> arms, List<Long> lastUpdate, long time, double lambda, double drift) {
        this.arms = arms;
        this.lastUpdate = lastUpdate;
        this.time = time;
        this.lambda = lambda;
        this.drift = drift;
    }

    /** @param drift standard deviation each weight wanders by per 1,000 rewards; 0 for a stationary world */
    static LinearArms create(int arms, double lambda, double drift) {
        LinearArms linear = new LinearArms(new ArrayList<>(), new ArrayList<>(), 0, lambda, drift);
        for (int i = 0; i < arms; i++) {
            linear.addArm();
        }
        return linear;
    }

    /** {@code ½ + θ_aᵀx}. */
    double mean(int arm, FeatureVector x) {
        return PRIOR_MEAN + arms.get(arm).mean(x);
    }

    /** The variance of arm {@code a}'s estimate at {@code x}, the drift since its last update included. */
    double variance(int arm, FeatureVector x) {
        RidgeRegression ridge = arms.get(arm);
        double walk = driftVariance(arm);
        return ridge.variance(x) + (walk == 0 ? 0 : walk * ridge.seenSquaredNorm(x));
    }

    private double driftVariance(int arm) {
        return drift * drift * (time - lastUpdate.get(arm)) / 1000;
    }

    void addArm() {
        arms.add(new RidgeRegression(lambda));
        lastUpdate.add(time);
    }

    void learn(int arm, FeatureVector x, double reward) {
        RidgeRegression ridge = arms.get(arm);
        double walk = driftVariance(arm);
        if (walk > 0) {
            ridge.addVariance(walk);
        }
        ridge.update(x, reward - PRIOR_MEAN);
        lastUpdate.set(arm, time);
        time++;
    }

    void setLambda(double newLambda) {
        for (RidgeRegression arm : arms) {
            arm.setLambda(newLambda);
        }
        lambda = newLambda;
    }

    void setDrift(double newDrift) {
        drift = newDrift;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(time);
        out.writeInt(arms.size());
        for (int i = 0; i < arms.size(); i++) {
            out.writeLong(lastUpdate.get(i));
            arms.get(i).writeTo(out);
        }
    }

    /** Restores the arms and brings them to the config's {@code lambda} if a snapshot was taken under another. */
    static LinearArms readFrom(DataInput in, double lambda, double drift) throws IOException {
        long time = in.readLong();
        int count = in.readInt();
        List<RidgeRegression> list = new ArrayList<>();
        List<Long> lastUpdate = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lastUpdate.add(in.readLong());
            RidgeRegression arm = RidgeRegression.readFrom(in);
            arm.setLambda(lambda);
            list.add(arm);
        }
        return new LinearArms(list, lastUpdate, time, lambda, drift);
    }
}
