package dev.switchboard.learning.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** Sherman–Morrison updates against a direct solve of the ridge normal equations, with a prior per dimension. */
class RidgeRegressionTest {

    private static final double[] PRIORS = {0.7, 2, 0.5, 1, 3, 0.9};
    private static final double UNSEEN = 0.4;

    @Test
    void incrementalStateEqualsTheDirectRidgeSolution() {
        int d = PRIORS.length;
        RidgeRegression ridge = new RidgeRegression();
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        for (int i = 0; i < d; i++) {
            a.setEntry(i, i, PRIORS[i]);
        }
        RealVector b = new ArrayRealVector(d);
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 300; t++) {
            int used = 1 + rng.nextInt(d);
            int[] indices = new int[used];
            double[] values = new double[used];
            for (int k = 0; k < used; k++) {
                indices[k] = k;
                values[k] = rng.nextGaussian();
            }
            double reward = rng.nextDouble();
            FeatureVector x = FeatureVector.of(indices, values);
            double before = ridge.variance(x, PRIORS, UNSEEN, 0);
            assertEquals(before, ridge.update(x, reward, PRIORS), 1e-9);
            RealVector dense = new ArrayRealVector(d);
            for (int k = 0; k < used; k++) {
                dense.setEntry(k, values[k]);
            }
            a = a.add(dense.outerProduct(dense));
            b = b.add(dense.mapMultiply(reward));
        }
        RealMatrix inverse = new LUDecomposition(a).getSolver().getInverse();
        RealVector theta = inverse.operate(b);
        int[] all = {0, 1, 2, 3, 4, 5};
        double[] probe = {0.3, -1, 2, 0.5, 0, 1};
        RealVector p = new ArrayRealVector(probe);
        FeatureVector x = FeatureVector.of(all, probe);
        assertEquals(theta.dotProduct(p), ridge.mean(x), 1e-9);
        assertEquals(p.dotProduct(inverse.operate(p)), ridge.variance(x, PRIORS, UNSEEN, 0), 1e-9);
        // active dimensions in any order, one of them beyond every prior given (it counts at the unseen prior)
        double[] shuffled = {2, 0.5, -1, 0.3, 4};
        FeatureVector y = FeatureVector.of(new int[] {2, 4, 1, 0, 9}, shuffled);
        RealVector q = new ArrayRealVector(new double[] {0.3, -1, 2, 0, 0.5, 0});
        assertEquals(q.dotProduct(inverse.operate(q)) + 16 / UNSEEN, ridge.variance(y, PRIORS, UNSEEN, 0), 1e-9);
    }

    @Test
    void aWalkGivenToVarianceCountsAsIfAddedFirstCappedAtEachPrior() throws IOException {
        RidgeRegression walked = new RidgeRegression();
        learnTheSame(new SplittableRandom(5), 200, PRIORS, PRIORS, walked);
        FeatureVector probe = FeatureVector.of(new int[] {4, 0, 2, 1, 7}, new double[] {1, 0.5, -0.5, 2, 1});
        for (double walk : new double[] {0.01, 0.3, 5}) {
            RidgeRegression added = copy(walked);
            added.addVariance(walk);
            assertEquals(added.variance(probe, PRIORS, UNSEEN, 0), walked.variance(probe, PRIORS, UNSEEN, walk), 1e-12,
                    "walk " + walk);
        }
        // a walk longer than any weight's way to its prior leaves each learned weight exactly as uncertain as its prior
        FeatureVector one = FeatureVector.of(new int[] {3}, new double[] {1});
        assertEquals(1 / PRIORS[3], walked.variance(one, PRIORS, UNSEEN, 1e6), 1e-12);
    }

    private static RidgeRegression copy(RidgeRegression ridge) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ridge.writeTo(new DataOutputStream(bytes));
        return RidgeRegression.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void dimensionsNotGrownToCountAsTheirPriorVariance() {
        RidgeRegression ridge = new RidgeRegression();
        FeatureVector x = FeatureVector.of(new int[] {1, 5}, new double[] {1, 3});
        assertEquals(1 / PRIORS[1] + 9 / PRIORS[5], ridge.variance(x, PRIORS, UNSEEN, 0), 1e-12);
        assertEquals(0, ridge.mean(x));
    }

    @Test
    void changingPriorsEitherWayEqualsLearningUnderThemFromTheStart() {
        double[] changed = PRIORS.clone();
        changed[2] = 6; // raised
        changed[4] = 10;
        changed[1] = 0.05; // lowered
        changed[3] = 0.3;
        RidgeRegression moved = new RidgeRegression();
        RidgeRegression movedWithinBudget = new RidgeRegression();
        RidgeRegression direct = new RidgeRegression();
        learnTheSame(new SplittableRandom(8), 60, PRIORS, changed, moved, movedWithinBudget, direct);
        moved.setPrior(2, 6);
        moved.setPrior(4, 10);
        moved.setPrior(1, 0.05);
        moved.setPrior(3, 0.3);
        // five dimensions grown to, so a change costs 15 multiply-adds (a triangle of 5): a budget of 40 moves the
        // first two that differ
        assertEquals(30, movedWithinBudget.movePriors(changed, 40));
        assertEquals(changed[1], movedWithinBudget.prior(1, 0));
        assertEquals(changed[2], movedWithinBudget.prior(2, 0));
        assertEquals(PRIORS[3], movedWithinBudget.prior(3, 0));
        assertEquals(30, movedWithinBudget.movePriors(changed, 40));
        assertEquals(0, movedWithinBudget.movePriors(changed, 40));
        FeatureVector probe = FeatureVector.of(new int[] {0, 1, 2, 3, 4}, new double[] {1, 0.5, -0.5, 2, 1});
        for (RidgeRegression ridge : new RidgeRegression[] {moved, movedWithinBudget}) {
            assertEquals(direct.mean(probe), ridge.mean(probe), 1e-9);
            assertEquals(direct.variance(probe, changed, UNSEEN, 0), ridge.variance(probe, changed, UNSEEN, 0), 1e-9);
            for (int j = 0; j < 5; j++) {
                assertEquals(direct.weightVariance(j, changed, UNSEEN), ridge.weightVariance(j, changed, UNSEEN),
                        1e-9);
            }
        }
    }

    /**
     * Snapshots (format 6) hold each arm's triangle row after row, {@code i + 1} elements of row {@code i}, and read
     * back to the same estimates.
     */
    @Test
    void theStoredFormIsTheTriangleRowAfterRow() throws IOException {
        RidgeRegression ridge = new RidgeRegression();
        learnTheSame(new SplittableRandom(5), 40, PRIORS, PRIORS, ridge);
        int d = 5;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ridge.writeTo(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(d, in.readInt());
        for (int i = 0; i < d; i++) {
            assertEquals(PRIORS[i], in.readDouble(), "row " + i + " starts with its prior");
            for (int j = 0; j < i; j++) {
                assertNotEquals(0, in.readDouble(), "element " + i + "," + j + " is learned, not left out");
            }
            double diagonal = in.readDouble();
            assertEquals(ridge.weightVariance(i, PRIORS, UNSEEN), diagonal, "row " + i + " ends at the diagonal");
            in.readDouble(); // the weight
        }
        assertEquals(-1, in.read(), "nothing after the last row");
        RidgeRegression read =
                RidgeRegression.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        FeatureVector probe = FeatureVector.of(new int[] {3, 0, 4, 1}, new double[] {1, 0.5, -0.5, 2});
        assertEquals(ridge.mean(probe), read.mean(probe));
        assertEquals(ridge.variance(probe, PRIORS, UNSEEN, 0), read.variance(probe, PRIORS, UNSEEN, 0));
    }

    /** The same rewards into the first regressions under {@code priors} and into the last under {@code other}. */
    private static void learnTheSame(SplittableRandom rng, int rewards, double[] priors, double[] other,
            RidgeRegression... ridges) {
        for (int t = 0; t < rewards; t++) {
            FeatureVector x = FeatureVector.of(new int[] {0, 1 + rng.nextInt(4)}, new double[] {1, rng.nextGaussian()});
            double r = rng.nextDouble();
            for (int i = 0; i < ridges.length; i++) {
                ridges[i].update(x, r, i == ridges.length - 1 ? other : priors);
            }
        }
    }
}
