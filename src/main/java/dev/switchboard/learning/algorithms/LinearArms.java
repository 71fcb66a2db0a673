package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureSpace;
import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@link RidgeRegression} per arm (the disjoint linear model), shared by the contextual learners, with a prior
 * width learned per group of features and an optional random walk of the weights.
 *
 * <p><b>Learned priors</b> (empirical Bayes). How much a weight may differ from 0 a priori depends on what it stands
 * for: a task decides a model's quality by tenths, a language often by hundredths, and a ridge prior of one width for
 * both lets two unlucky rewards write a model off for a whole language. So each group of features (every value of one
 * context key, the steps of one number, one cross: {@link FeatureVector#group}) has a prior variance {@code τ²_g} of
 * its own, and the noise a variance {@code σ²}, both learned: {@code σ²} from the errors of the predictions before each
 * update ({@code Σ e² / Σ (1 + xᵀA⁻¹x)}, starting from a Bernoulli's ¼), and {@code τ²_g} by the EM step {@code τ²_g =
 * mean over the arms and dimensions of the group of (θ_j² + σ²·(A⁻¹)_jj)}. A dimension's prior precision (in units of
 * the noise) is then {@code σ²/τ²_g}, never below {@code lambda}; it is only ever raised, by a rank-one update, so no
 * refit needs an inversion. The bias keeps {@code lambda}: how good a model is overall is not shrunk towards the
 * others, as a ridge regression's intercept usually is not. Refits run every 250 rewards at first, then every sixteenth
 * of the rewards so far. Variances are reported in reward units, {@code σ²·xᵀA⁻¹x}. With learned priors off, every
 * prior precision stays {@code lambda} and {@code σ²} is still learned. An arm that joins after the first refit (a
 * model added later) holds {@code lambda} for a while before it takes the learned widths: see {@link #priorsOf}.
 *
 * <p><b>Moving priors without holding the policy.</b> Changing one dimension's prior costs {@code d(d+1)/2} per arm,
 * so a refit of a large policy (64 arms of 256 dimensions: about half a billion multiply-adds) is not done all at once
 * under the policy's lock: a refit moves priors as far as {@value #REFIT_WORK} multiply-adds go (every prior of 8 arms
 * of up to 80 dimensions), and each arm moves the rest of its own at its next updates,
 * {@value #CATCH_UP_WORK} multiply-adds (and at least one dimension) at a time. Each arm's model is always exact
 * under its own priors; an arm that is behind only keeps its old ones for a while. A new {@code lambda} moves every
 * prior back to it the same way (a rank-one update lowers a prior as well as it raises one), instead of inverting
 * every arm's matrix.
 *
 * <p><b>Drift.</b> Providers change models silently, so an arm's quality may wander. With {@code drift = δ}, every
 * weight of every arm is taken to follow a random walk whose standard deviation grows by {@code δ} times its prior
 * standard deviation per 1,000 rewards: between two updates of an arm, {@code δ²·Δ/1000} times each weight's prior
 * variance is added to its variance, {@code Δ} being the number of rewards the policy learned in between (the
 * prediction step of a Kalman filter; estimates stay). Whatever an arm keeps being chosen for keeps being corrected
 * and stays certain; what it was written off for slowly becomes uncertain again until its bound or its posterior
 * makes it worth another look, which is how a model that silently got better at something is found again. A
 * weight's variance never grows above its prior's: an arm neglected for millions of rewards is at most as uncertain
 * as a new one, not more (an unbounded walk would have a policy that has run long, or an arm that comes back from a
 * long rest, explore old arms harder than new ones). Time is counted in rewards, so it advances identically on every
 * replica and in every replay.
 */
final class LinearArms implements ArmState {

    /**
     * What an arm is expected to earn before it has learned anything: the middle of [0, 1]. The regressions learn
     * {@code reward − ½}, so their ridge prior pulls towards an undecided ½ rather than towards a pessimistic 0 (which
     * would leave an untried arm out of the running wherever the rewards are high).
     */
    static final double PRIOR_MEAN = 0.5;
    /** The noise variance assumed before any reward: a Bernoulli reward's largest, worth this many rewards. */
    static final double INITIAL_NOISE = 0.25;
    static final double INITIAL_NOISE_WEIGHT = 10;
    /** The fewest rewards between two refits of the priors, and the floor of a group's prior variance. */
    static final int FIRST_REFIT = 250;
    static final double MIN_PRIOR_VARIANCE = 1e-4;
    /** A dimension's prior precision is raised only when its target exceeds it by more than this factor. */
    static final double RAISE_THRESHOLD = 1.02;
    /** Multiply-adds a refit spends raising priors at once (about a millisecond), and an update on its arm's. */
    static final long REFIT_WORK = 1L << 21;
    static final long CATCH_UP_WORK = 1L << 18;
    /**
     * For how many of the policy's rewards from its own first one an arm that joined the learning late (see
     * {@link #priorsOf}) keeps the wide prior.
     */
    static final int LATE_ARM_WIDE_REWARDS = 500;
    private static final long NO_REWARD = -1;
    private static final int UNSEEN = -1;

    private final List<RidgeRegression> arms;
    private final List<Long> lastUpdate;
    /** The policy's time at each arm's first reward ({@link #NO_REWARD} before it). */
    private final List<Long> firstReward;
    private long time;
    private double lambda;
    private double drift;
    private boolean learnPriors;
    /** Σ e² and Σ (1 + xᵀA⁻¹x) over every update: the noise variance's estimate. */
    private double squaredErrors;
    private double errorWeights;
    private long nextRefit;
    /**
     * The group of each dimension seen ({@link #UNSEEN} for one no reward has shown yet), and each dimension's prior
     * precision (what an arm growing to it takes).
     */
    private int[] groupOf;
    private double[] priors;
    /** {@code lambda} for every dimension of {@link #priors}: what a late arm holds for a while ({@link #priorsOf}). */
    private double[] widePriors;
    private int dimensions;

    private LinearArms(List<RidgeRegression> arms, List<Long> lastUpdate, List<Long> firstReward, long time,
            double lambda, double drift, boolean learnPriors) {
        this.arms = arms;
        this.lastUpdate = lastUpdate;
        this.firstReward = firstReward;
        this.time = time;
        this.lambda = lambda;
        this.drift = drift;
        this.learnPriors = learnPriors;
        this.nextRefit = FIRST_REFIT;
        this.groupOf = new int[8];
        this.priors = new double[8];
        Arrays.fill(groupOf, UNSEEN);
        Arrays.fill(priors, lambda);
        resetWidePriors();
    }

    /**
     * @param lambda the prior precision every dimension starts with (and never goes below)
     * @param drift a weight's random walk per 1,000 rewards, in prior standard deviations; 0 for a stationary world
     * @param learnPriors whether each group of features learns its prior width
     */
    static LinearArms create(int arms, double lambda, double drift, boolean learnPriors) {
        LinearArms linear = new LinearArms(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0, lambda, drift,
                learnPriors);
        for (int i = 0; i < arms; i++) {
            linear.addArm();
        }
        return linear;
    }

    /** {@code ½ + θ_aᵀx}. */
    double mean(int arm, FeatureVector x) {
        return PRIOR_MEAN + arms.get(arm).mean(x);
    }

    /** The variance of arm {@code a}'s estimate at {@code x}, in reward units, the drift since its last update included. */
    double variance(int arm, FeatureVector x) {
        return noise() * scaledVariance(arm, x);
    }

    /** {@code xᵀA⁻¹x} with the drift since the arm's last update: the variance in units of the noise's. */
    private double scaledVariance(int arm, FeatureVector x) {
        return arms.get(arm).variance(x, priorsOf(arm), lambda, walk(arm));
    }

    /** The noise variance learned so far. */
    double noise() {
        return (squaredErrors + INITIAL_NOISE * INITIAL_NOISE_WEIGHT) / (errorWeights + INITIAL_NOISE_WEIGHT);
    }

    /**
     * The prior precisions arm {@code arm} is to hold. An arm that joined the learning late, with no reward before the
     * priors were first fitted ({@value #FIRST_REFIT} rewards in; a model added to a policy that has learned), holds
     * {@code lambda} until it has a reward and for {@value #LATE_ARM_WIDE_REWARDS} of the policy's rewards from then;
     * every other arm, and that one after it, the learned widths. Those widths say how far the models seen so far
     * differ; a model added later may differ more (the new best at math, by far), and under them its bound for a task
     * could fall below the incumbent's as soon as its answers at other tasks had told its level, before it was ever
     * tried there. Counted from its first reward, not from when it was added, so that every replica and every replay
     * of the log, which learn the same rewards in the same order, hold the same priors.
     */
    private double[] priorsOf(int arm) {
        long first = firstReward.get(arm);
        boolean late = first == NO_REWARD ? time >= FIRST_REFIT
                : first >= FIRST_REFIT && time - first < LATE_ARM_WIDE_REWARDS;
        return late ? widePriors : priors;
    }

    private void resetWidePriors() {
        widePriors = new double[priors.length];
        Arrays.fill(widePriors, lambda);
    }

    /** The prior precision (in units of the noise) an arm growing to dimension {@code j} takes. */
    double priorPrecision(int j) {
        return priors[j];
    }

    /** The prior precision arm {@code arm} holds for dimension {@code j}: {@link #priorsOf} once caught up. */
    double priorPrecision(int arm, int j) {
        return arms.get(arm).prior(j, priorsOf(arm)[j]);
    }

    private double walk(int arm) {
        return drift * drift * (time - lastUpdate.get(arm)) / 1000;
    }

    @Override
    public void addArm() {
        arms.add(new RidgeRegression());
        lastUpdate.add(time);
        firstReward.add(NO_REWARD);
    }

    @Override
    public void learn(int arm, FeatureVector x, double reward) {
        see(x);
        RidgeRegression ridge = arms.get(arm);
        if (firstReward.get(arm) == NO_REWARD) {
            firstReward.set(arm, time);
        }
        double[] armPriors = priorsOf(arm);
        ridge.movePriors(armPriors, Math.max(CATCH_UP_WORK, ridge.priorChangeCost()));
        double walk = walk(arm);
        if (walk > 0) {
            ridge.addVariance(walk);
        }
        double error = reward - PRIOR_MEAN - ridge.mean(x);
        squaredErrors += error * error;
        errorWeights += 1 + ridge.update(x, reward - PRIOR_MEAN, armPriors);
        lastUpdate.set(arm, time);
        time++;
        if (learnPriors && time >= nextRefit) {
            refitPriors();
            nextRefit = time + Math.max(FIRST_REFIT, time / 16);
        }
    }

    /** Records the group of every dimension of {@code x}; a new dimension's prior starts at {@code lambda}. */
    private void see(FeatureVector x) {
        int required = x.requiredDimension();
        if (required > groupOf.length) {
            int capacity = Math.max(required, groupOf.length * 2);
            int old = groupOf.length;
            groupOf = Arrays.copyOf(groupOf, capacity);
            priors = Arrays.copyOf(priors, capacity);
            Arrays.fill(groupOf, old, capacity, UNSEEN);
            Arrays.fill(priors, old, capacity, lambda);
            resetWidePriors();
        }
        for (int k = 0; k < x.nonZeros(); k++) {
            groupOf[x.index(k)] = x.group(k);
        }
        dimensions = Math.max(dimensions, required);
    }

    /**
     * One EM step for each group's prior variance, then raises each dimension's prior precision to its target, in
     * every arm as far as {@value #REFIT_WORK} multiply-adds go.
     */
    private void refitPriors() {
        double noise = noise();
        int groups = 0;
        for (int j = 0; j < dimensions; j++) {
            groups = Math.max(groups, groupOf[j] + 1);
        }
        double[] sum = new double[groups];
        int[] count = new int[groups];
        for (int j = 0; j < dimensions; j++) {
            if (groupOf[j] == UNSEEN) {
                continue;
            }
            // an arm with no reward yet tells nothing of how widely weights vary, and whether it is there at all
            // depends on when this instance learned of it
            for (int arm = 0; arm < arms.size(); arm++) {
                if (firstReward.get(arm) == NO_REWARD) {
                    continue;
                }
                RidgeRegression ridge = arms.get(arm);
                double w = ridge.weight(j);
                sum[groupOf[j]] += w * w + noise * ridge.weightVariance(j, priors, lambda);
                count[groupOf[j]]++;
            }
        }
        for (int j = 0; j < dimensions; j++) {
            if (j == FeatureSpace.BIAS || groupOf[j] == UNSEEN || count[groupOf[j]] == 0) {
                continue;
            }
            double priorVariance = Math.max(MIN_PRIOR_VARIANCE, sum[groupOf[j]] / count[groupOf[j]]);
            double target = noise / priorVariance;
            if (target > priors[j] * RAISE_THRESHOLD) {
                priors[j] = target;
            }
        }
        movePriorsAtOnce();
    }

    /** Brings the arms' priors to the targets as far as {@value #REFIT_WORK} multiply-adds go; the rest waits. */
    private void movePriorsAtOnce() {
        long spent = 0;
        for (int arm = 0; arm < arms.size(); arm++) {
            spent += arms.get(arm).movePriors(priorsOf(arm), REFIT_WORK - spent);
        }
    }

    /**
     * A new {@code lambda}: every dimension's prior precision starts over from it, moved like a refit's (at once as
     * far as {@value #REFIT_WORK} multiply-adds go, the rest at each arm's next updates).
     */
    void setLambda(double newLambda) {
        if (newLambda == lambda) {
            return;
        }
        lambda = newLambda;
        Arrays.fill(priors, newLambda);
        resetWidePriors();
        movePriorsAtOnce();
        nextRefit = time + FIRST_REFIT;
    }

    void setDrift(double newDrift) {
        drift = newDrift;
    }

    void setLearnPriors(boolean newLearnPriors) {
        learnPriors = newLearnPriors;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(time);
        out.writeDouble(lambda);
        out.writeDouble(squaredErrors);
        out.writeDouble(errorWeights);
        out.writeLong(nextRefit);
        out.writeInt(dimensions);
        for (int j = 0; j < dimensions; j++) {
            out.writeInt(groupOf[j]);
            out.writeDouble(priors[j]);
        }
        out.writeInt(arms.size());
        for (int i = 0; i < arms.size(); i++) {
            out.writeLong(lastUpdate.get(i));
            out.writeLong(firstReward.get(i));
            arms.get(i).writeTo(out);
        }
    }

    /** Restores the arms and brings them to the config's {@code lambda} if a snapshot was taken under another. */
    static LinearArms readFrom(DataInput in, double lambda, double drift, boolean learnPriors) throws IOException {
        long time = in.readLong();
        LinearArms linear = new LinearArms(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), time,
                in.readDouble(), drift, learnPriors);
        linear.squaredErrors = in.readDouble();
        linear.errorWeights = in.readDouble();
        linear.nextRefit = in.readLong();
        linear.dimensions = in.readInt();
        linear.groupOf = new int[Math.max(8, linear.dimensions)];
        linear.priors = new double[Math.max(8, linear.dimensions)];
        Arrays.fill(linear.groupOf, UNSEEN);
        Arrays.fill(linear.priors, linear.lambda);
        for (int j = 0; j < linear.dimensions; j++) {
            linear.groupOf[j] = in.readInt();
            linear.priors[j] = in.readDouble();
        }
        linear.resetWidePriors();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            linear.lastUpdate.add(in.readLong());
            linear.firstReward.add(in.readLong());
            linear.arms.add(RidgeRegression.readFrom(in));
        }
        linear.setLambda(lambda);
        return linear;
    }
}
