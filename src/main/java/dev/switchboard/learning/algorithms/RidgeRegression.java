package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Online ridge regression of one arm, {@code A = λI + Σ xxᵀ}, {@code b = Σ r·x}, {@code θ = A⁻¹b}, as in the disjoint
 * LinUCB model of Li, Chu, Langford and Schapire ("A Contextual-Bandit Approach to Personalized News Article
 * Recommendation", WWW 2010, Algorithm 1).
 *
 * <p>{@code A⁻¹} is kept, never re-inverted on an update: with {@code u = A⁻¹x} and {@code s = xᵀu}, the
 * Sherman–Morrison identity gives {@code A'⁻¹ = A⁻¹ − uuᵀ/(1 + s)}, and {@code θ' = θ + u·(r − θᵀx)/(1 + s)}
 * (recursive least squares). An update costs O(d²); an estimate or a variance costs O(nnz²) on a sparse context.
 *
 * <p>The dimension grows on demand: a dimension the arm has never seen has {@code A⁻¹ = 1/λ} on its diagonal and
 * zeros elsewhere, so reading it as such before growing is exact. Not thread-safe.
 */
final class RidgeRegression {

    private double lambda;
    private int dim;
    private int capacity;
    private double[] inverse;
    private double[] b;
    private double[] theta;

    RidgeRegression(double lambda) {
        this.lambda = lambda;
        this.inverse = new double[0];
        this.b = new double[0];
        this.theta = new double[0];
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
     * Adds {@code v} to the variance of every weight (a step of a random walk of the weights, as in the prediction step
     * of a Kalman filter): {@code A⁻¹ ← A⁻¹ + v·I}. {@code θ} stays.
     */
    void addVariance(double v) {
        for (int i = 0; i < dim; i++) {
            inverse[i * capacity + i] += v;
        }
    }


    /** {@code xᵀx} over the dimensions this regression holds. */
    double seenSquaredNorm(FeatureVector x) {
        double squaredNorm = 0;
        for (int k = 0; k < x.nonZeros(); k++) {
            if (x.index(k) < dim) {
                squaredNorm += x.value(k) * x.value(k);
            }
        }
        return squaredNorm;
    }

    /**
     * {@code xᵀA⁻¹x}, unseen dimensions included at {@code x²/λ}. {@code A⁻¹} is symmetric, so each pair of active
     * dimensions is read once and counted twice: half the multiplications of the full quadratic form.
     */
    double variance(FeatureVector x) {
        double variance = x.unseenSquaredNorm() / lambda;
        int n = x.nonZeros();
        for (int k = 0; k < n; k++) {
            int i = x.index(k);
            double xi = x.value(k);
            if (i >= dim) {
                variance += xi * xi / lambda;
                continue;
            }
            int row = i * capacity;
            double offDiagonal = 0;
            for (int l = k + 1; l < n; l++) {
                int j = x.index(l);
                if (j < dim) {
                    offDiagonal += inverse[row + j] * x.value(l);
                }
            }
            variance += xi * (xi * inverse[row + i] + 2 * offDiagonal);
        }
        return Math.max(variance, 0);
    }

    void update(FeatureVector x, double reward) {
        grow(x.requiredDimension());
        double[] u = new double[dim];
        for (int k = 0; k < x.nonZeros(); k++) {
            int j = x.index(k);
            double xj = x.value(k);
            for (int i = 0; i < dim; i++) {
                u[i] += inverse[i * capacity + j] * xj;
            }
        }
        double s = 0;
        for (int k = 0; k < x.nonZeros(); k++) {
            s += x.value(k) * u[x.index(k)];
            b[x.index(k)] += reward * x.value(k);
        }
        double denominator = 1 + s;
        double step = (reward - mean(x)) / denominator;
        double shrink = 1 / denominator;
        for (int i = 0; i < dim; i++) {
            double ui = u[i];
            int row = i * capacity;
            for (int j = 0; j < dim; j++) {
                // (uᵢ·uⱼ)·shrink rounds exactly as (uⱼ·uᵢ)·shrink: A⁻¹ stays symmetric to the bit, as variance reads it
                inverse[row + j] -= ui * u[j] * shrink;
            }
            theta[i] += ui * step;
        }
    }

    /** Changes the ridge prior: {@code A⁻¹ ← (A − λI + λ'I)⁻¹}, one inversion, and {@code θ = A⁻¹b}. */
    void setLambda(double newLambda) {
        if (newLambda == lambda) {
            return;
        }
        if (dim > 0) {
            RealMatrix a = new LUDecomposition(denseInverse()).getSolver().getInverse();
            for (int i = 0; i < dim; i++) {
                a.addToEntry(i, i, newLambda - lambda);
            }
            RealMatrix inv = new LUDecomposition(a).getSolver().getInverse();
            for (int i = 0; i < dim; i++) {
                theta[i] = 0;
                for (int j = 0; j < dim; j++) {
                    // the mean of the two halves: an LU inverse is symmetric only up to rounding
                    inverse[i * capacity + j] = (inv.getEntry(i, j) + inv.getEntry(j, i)) / 2;
                    theta[i] += inverse[i * capacity + j] * b[j];
                }
            }
        }
        lambda = newLambda;
    }

    private RealMatrix denseInverse() {
        double[][] m = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(inverse, i * capacity, m[i], 0, dim);
        }
        return new Array2DRowRealMatrix(m, false);
    }

    private void grow(int required) {
        if (required <= dim) {
            return;
        }
        if (required > capacity) {
            int newCapacity = Math.max(required, Math.max(8, capacity * 2));
            double[] grown = new double[newCapacity * newCapacity];
            for (int i = 0; i < dim; i++) {
                System.arraycopy(inverse, i * capacity, grown, i * newCapacity, dim);
            }
            inverse = grown;
            b = Arrays.copyOf(b, newCapacity);
            theta = Arrays.copyOf(theta, newCapacity);
            capacity = newCapacity;
        }
        for (int i = dim; i < required; i++) {
            inverse[i * capacity + i] = 1 / lambda;
        }
        dim = required;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(lambda);
        out.writeInt(dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                out.writeDouble(inverse[i * capacity + j]);
            }
            out.writeDouble(b[i]);
            out.writeDouble(theta[i]);
        }
    }

    static RidgeRegression readFrom(DataInput in) throws IOException {
        RidgeRegression ridge = new RidgeRegression(in.readDouble());
        int dim = in.readInt();
        ridge.grow(dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                ridge.inverse[i * ridge.capacity + j] = in.readDouble();
            }
            ridge.b[i] = in.readDouble();
            ridge.theta[i] = in.readDouble();
        }
        return ridge;
    }
}
