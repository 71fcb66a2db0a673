package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Online ridge regression of one arm, {@code A = Λ + Σ xxᵀ}, {@code b = Σ r·x}, {@code θ = A⁻¹b}, as in the disjoint
 * LinUCB model of Li, Chu, Langford and Schapire ("A Contextual-Bandit Approach to Personalized News Article
 * Recommendation", WWW 2010, Algorithm 1), with a prior precision {@code Λ = diag(λ_j)} of its own for each dimension
 * (the textbook's {@code λI} when all are equal).
 *
 * <p>{@code A⁻¹} and {@code θ} are kept, never re-inverted or solved for: with {@code u = A⁻¹x} and {@code s = xᵀu},
 * the Sherman–Morrison identity gives {@code A'⁻¹ = A⁻¹ − uuᵀ/(1 + s)}, and {@code θ' = θ + u·(r − θᵀx)/(1 + s)}
 * (recursive least squares), so {@code b} itself is never needed. An update costs O(d²); an estimate or a variance
 * costs O(nnz²) on a sparse context.
 *
 * <p>{@code A⁻¹} is symmetric, so only its lower triangle is stored, row after row ({@code (A⁻¹)_ij} for {@code j ≤ i}
 * at {@code i(i+1)/2 + j}): {@code d(d+1)/2} doubles instead of {@code d²}, and an update or a change of prior
 * touches each pair of dimensions once.
 *
 * <p>The dimension grows on demand: a dimension the arm has never seen has {@code A⁻¹ = 1/λ_j} on its diagonal and
 * zeros elsewhere, so reading it as such before growing is exact; growing appends rows to the triangle. Not
 * thread-safe.
 */
final class RidgeRegression {

    private int dim;
    /** The lower triangle of {@code A⁻¹}, row after row, with room for {@code theta.length} rows. */
    private double[] inverse;
    private double[] theta;
    private double[] prior;

    RidgeRegression() {
        this.inverse = new double[0];
        this.theta = new double[0];
        this.prior = new double[0];
    }

    /** Where row {@code i} of the lower triangle starts. */
    private static int rowStart(int i) {
        return i * (i + 1) / 2;
    }

    private static int diagonal(int i) {
        return rowStart(i) + i;
    }

    /** {@code θᵀx}: the estimated reward. */
    double mean(FeatureVector x) {
        double mean = 0;
        for (int k = 0; k < x.nonZeros(); k++) {
            int i = x.index(k);
            if (i < dim) {
                mean += theta[i] * x.value(k);
            }
        }
        return mean;
    }

    /**
     * Adds {@code factor/λ_j} to the variance of every weight (a step of a random walk of the weights, each in
     * proportion to its prior variance, as in the prediction step of a Kalman filter), {@code A⁻¹ ← A⁻¹ + factor·Λ⁻¹}
     * on the diagonal, but never above the weight's prior variance {@code 1/λ_j}: however long a weight goes
     * unobserved, it becomes at most as uncertain as one never learned. {@code θ} stays.
     */
    void addVariance(double factor) {
        for (int i = 0; i < dim; i++) {
            inverse[diagonal(i)] += walked(i, factor);
        }
    }

    /** {@code factor/λ_i}, or less if that would take weight {@code i}'s variance above its prior's. */
    private double walked(int i, double factor) {
        // in prior variances, so that one division serves: what is left below the prior, and the walk's step
        double headroom = 1 - inverse[diagonal(i)] * prior[i];
        return Math.max(0, Math.min(headroom, factor)) / prior[i];
    }

    /**
     * {@code xᵀA⁻¹x}, with the variance that {@link #addVariance addVariance(walk)} would add first (0 for none). A
     * dimension this regression has not grown to yet counts at {@code x²/priors[j]}, a feature not in the space at all
     * at {@code x²/unseenPrior}. Each pair of active dimensions is read once and counted twice, with the entries
     * before it: the indices ascend, so those lie in the row of the triangle being read, and the dimensions not grown
     * to come last. (The walk added here and the ascending order without a test per pair made linucb's select in
     * JMH's target cell about a fifth faster.)
     */
    double variance(FeatureVector x, double[] priors, double unseenPrior, double walk) {
        double variance = x.unseenSquaredNorm() / unseenPrior;
        int n = x.nonZeros();
        int k = 0;
        for (; k < n && x.index(k) < dim; k++) {
            int i = x.index(k);
            int row = rowStart(i);
            double offDiagonal = 0;
            for (int l = 0; l < k; l++) {
                offDiagonal += inverse[row + x.index(l)] * x.value(l);
            }
            double ownVariance = inverse[row + i] + (walk == 0 ? 0 : walked(i, walk));
            double xi = x.value(k);
            variance += xi * (xi * ownVariance + 2 * offDiagonal);
        }
        for (; k < n; k++) {
            double xi = x.value(k);
            variance += xi * xi / priorOf(x.index(k), priors, unseenPrior);
        }
        return Math.max(variance, 0);
    }

    /**
     * Learns one reward; dimensions it grows to get their prior from {@code priors}.
     *
     * @return {@code xᵀA⁻¹x} before the update: the predictive variance of this reward, in units of the noise's, less
     *         the noise's own
     */
    double update(FeatureVector x, double reward, double[] priors) {
        grow(x.requiredDimension(), priors);
        double[] u = new double[dim];
        for (int k = 0; k < x.nonZeros(); k++) {
            addColumn(x.index(k), x.value(k), u);
        }
        double s = 0;
        for (int k = 0; k < x.nonZeros(); k++) {
            s += x.value(k) * u[x.index(k)];
        }
        double denominator = 1 + s;
        double step = (reward - mean(x)) / denominator;
        double shrink = 1 / denominator;
        for (int i = 0; i < dim; i++) {
            double ui = u[i];
            int row = rowStart(i);
            for (int j = 0; j <= i; j++) {
                inverse[row + j] -= ui * u[j] * shrink;
            }
            theta[i] += ui * step;
        }
        return s;
    }

    /** {@code sum += scale·(A⁻¹)_{·j}}: column {@code j}, which is row {@code j} up to the diagonal, then down it. */
    private void addColumn(int j, double scale, double[] sum) {
        int row = rowStart(j);
        for (int i = 0; i <= j; i++) {
            sum[i] += inverse[row + i] * scale;
        }
        for (int i = j + 1; i < dim; i++) {
            sum[i] += inverse[rowStart(i) + j] * scale;
        }
    }

    /** {@code θ_j} and {@code (A⁻¹)_jj}: a weight's posterior mean and variance (in units of the noise's). */
    double weight(int j) {
        return j < dim ? theta[j] : 0;
    }

    double weightVariance(int j, double[] priors, double unseenPrior) {
        return j < dim ? inverse[diagonal(j)] : 1 / priorOf(j, priors, unseenPrior);
    }

    /**
     * Sets dimension {@code j}'s prior precision to {@code newPrior}, higher or lower: the rank-one Sherman–Morrison
     * update of adding {@code (newPrior − λ_j)·e_jeⱼᵀ} to {@code A}, with {@code θ} moved to the new posterior mean (the
     * prior's mean is 0). O(d²). {@code A} stays positive definite either way (it is {@code Λ + Σ xxᵀ} with every
     * {@code λ_j > 0}), so the denominator {@code 1 + δ·(A⁻¹)_jj} stays positive. A dimension not grown to yet takes
     * its prior when it grows.
     */
    void setPrior(int j, double newPrior) {
        if (j >= dim || newPrior == prior[j]) {
            return;
        }
        double delta = newPrior - prior[j];
        double[] column = new double[dim];
        addColumn(j, 1, column);
        double denominator = 1 + delta * column[j];
        double shift = delta * theta[j] / denominator;
        for (int i = 0; i < dim; i++) {
            double scaled = delta * column[i] / denominator;
            int row = rowStart(i);
            for (int l = 0; l <= i; l++) {
                inverse[row + l] -= scaled * column[l];
            }
            theta[i] -= column[i] * shift;
        }
        prior[j] = newPrior;
    }

    /**
     * Sets the prior precision of the dimensions held here that differ from {@code targets} to them, in order of
     * dimension, as far as {@code budget} multiply-adds go (each costs {@link #priorChangeCost}).
     *
     * @return the multiply-adds spent
     */
    long movePriors(double[] targets, long budget) {
        long cost = priorChangeCost();
        long spent = 0;
        for (int j = 0; j < dim && spent + cost <= budget; j++) {
            if (prior[j] != targets[j]) {
                setPrior(j, targets[j]);
                spent += cost;
            }
        }
        return spent;
    }

    /** The cost of one {@link #setPrior}, in multiply-adds: one for each element of the triangle, {@code d(d+1)/2}. */
    long priorChangeCost() {
        return (long) dim * (dim + 1) / 2;
    }

    /** Dimension {@code j}'s prior precision here ({@code fallback} for one not grown to yet). */
    double prior(int j, double fallback) {
        return j < dim ? prior[j] : fallback;
    }

    private static double priorOf(int i, double[] priors, double unseenPrior) {
        return i < priors.length ? priors[i] : unseenPrior;
    }

    private void grow(int required, double[] priors) {
        if (required <= dim) {
            return;
        }
        if (required > theta.length) {
            int rows = Math.max(required, Math.max(8, theta.length * 2));
            inverse = Arrays.copyOf(inverse, rowStart(rows));
            theta = Arrays.copyOf(theta, rows);
            prior = Arrays.copyOf(prior, rows);
        }
        for (int i = dim; i < required; i++) {
            prior[i] = priors[i];
            inverse[diagonal(i)] = 1 / prior[i];
        }
        dim = required;
    }

    /** Row after row: the prior, row {@code i} of the triangle of {@code A⁻¹} ({@code i + 1} doubles), the weight. */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(dim);
        for (int i = 0; i < dim; i++) {
            out.writeDouble(prior[i]);
            int row = rowStart(i);
            for (int j = 0; j <= i; j++) {
                out.writeDouble(inverse[row + j]);
            }
            out.writeDouble(theta[i]);
        }
    }

    static RidgeRegression readFrom(DataInput in) throws IOException {
        RidgeRegression ridge = new RidgeRegression();
        int dim = in.readInt();
        double[] placeholders = new double[dim];
        Arrays.fill(placeholders, 1);
        ridge.grow(dim, placeholders);
        for (int i = 0; i < dim; i++) {
            ridge.prior[i] = in.readDouble();
            int row = rowStart(i);
            for (int j = 0; j <= i; j++) {
                ridge.inverse[row + j] = in.readDouble();
            }
            ridge.theta[i] = in.readDouble();
        }
        return ridge;
    }
}
