package dev.switchboard.learning.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.learning.encoding.FeatureVector;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** Sherman–Morrison updates against a direct solve of the ridge normal equations. */
class RidgeRegressionTest {

    @Test
    void incrementalStateEqualsTheDirectRidgeSolution() {
        int d = 6;
        double lambda = 0.7;
        RidgeRegression ridge = new RidgeRegression(lambda);
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        for (int i = 0; i < d; i++) {
            a.setEntry(i, i, lambda);
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
            ridge.update(FeatureVector.of(indices, values), reward);
            RealVector x = new ArrayRealVector(d);
            for (int k = 0; k < used; k++) {
                x.setEntry(k, values[k]);
            }
            a = a.add(x.outerProduct(x));
            b = b.add(x.mapMultiply(reward));
        }
        RealMatrix inverse = new LUDecomposition(a).getSolver().getInverse();
        RealVector theta = inverse.operate(b);
        int[] all = {0, 1, 2, 3, 4, 5};
        double[] probe = {0.3, -1, 2, 0.5, 0, 1};
        RealVector p = new ArrayRealVector(probe);
        FeatureVector x = FeatureVector.of(all, probe);
        assertEquals(theta.dotProduct(p), ridge.mean(x), 1e-9);
        assertEquals(p.dotProduct(inverse.operate(p)), ridge.variance(x), 1e-9);
        // active dimensions in any order, one of them never learned (its prior variance 1/λ counts)
        double[] shuffled = {2, 0.5, -1, 0.3, 4};
        FeatureVector y = FeatureVector.of(new int[] {2, 4, 1, 0, 9}, shuffled);
        RealVector q = new ArrayRealVector(new double[] {0.3, -1, 2, 0, 0.5, 0});
        assertEquals(q.dotProduct(inverse.operate(q)) + 16 / lambda, ridge.variance(y), 1e-9);
    }

    @Test
    void unseenDimensionsCountAsThePriorVariance() {
        RidgeRegression ridge = new RidgeRegression(2);
        FeatureVector x = FeatureVector.of(new int[] {0, 5}, new double[] {1, 3});
        assertEquals((1 + 9) / 2.0, ridge.variance(x), 1e-12);
        assertEquals(0, ridge.mean(x));
    }

    @Test
    void changingLambdaEqualsLearningUnderTheNewLambda() {
        RidgeRegression changed = new RidgeRegression(1);
        RidgeRegression direct = new RidgeRegression(0.25);
        SplittableRandom rng = new SplittableRandom(8);
        for (int t = 0; t < 50; t++) {
            FeatureVector x = FeatureVector.of(new int[] {0, 1 + rng.nextInt(3)}, new double[] {1, rng.nextGaussian()});
            double r = rng.nextDouble();
            changed.update(x, r);
            direct.update(x, r);
        }
        changed.setLambda(0.25);
        FeatureVector probe = FeatureVector.of(new int[] {0, 1, 2, 3}, new double[] {1, 0.5, -0.5, 2});
        assertEquals(direct.mean(probe), changed.mean(probe), 1e-9);
        assertEquals(direct.variance(probe), changed.variance(probe), 1e-9);
    }
}
