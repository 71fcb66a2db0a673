package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.learning.explore.BetaScore;
import dev.switchboard.learning.explore.Exploration;
import dev.switchboard.learning.explore.NormalScore;
import dev.switchboard.learning.explore.ProbabilityOfBest;
import dev.switchboard.learning.explore.ProbabilityVector;
import dev.switchboard.learning.explore.Sampler;
import dev.switchboard.learning.explore.ScoreDistribution;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplorationTest {

    @Test
    void probabilityVectorRejectsNegativeEntriesAndBadSums() {
        assertThrows(IllegalArgumentException.class, () -> ProbabilityVector.of(-0.1, 1.1));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityVector.of(0.5, 0.4));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityVector.of(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, ProbabilityVector::of);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 0.3, 1})
    void epsilonGreedyKeepsTheFloorAndSumsToOne(double epsilon) {
        double[] scores = {0.2, 0.9, 0.4, 0.9, Double.NEGATIVE_INFINITY};
        ProbabilityVector p = Exploration.epsilonGreedy(scores, epsilon);
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.get(i) >= epsilon / scores.length - 1e-15, "floor of arm " + i);
            sum += p.get(i);
        }
        assertEquals(1, sum, 1e-12);
        assertEquals(epsilon / 5 + (1 - epsilon) / 2, p.get(1), 1e-12);
        assertEquals(p.get(1), p.get(3), 1e-15);
    }

    @Test
    void greedySharesTiesAndPrefersInfiniteScores() {
        ProbabilityVector p = Exploration.greedy(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
        assertEquals(0, p.get(0));
        assertEquals(0.5, p.get(1), 1e-15);
    }

    @Test
    void samplerDrawsWithTheGivenFrequencies() {
        ProbabilityVector p = ProbabilityVector.of(0.1, 0.0, 0.6, 0.3);
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[4];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts[Sampler.draw(p, rng)]++;
        }
        assertEquals(0, counts[1]);
        for (int i = 0; i < 4; i++) {
            assertEquals(p.get(i), counts[i] / (double) n, 0.005);
        }
    }

    @Test
    void probabilityOfBestMatchesMonteCarloForNormals() {
        ScoreDistribution[] arms = {new NormalScore(0.5, 0.1), new NormalScore(0.55, 0.02),
            new NormalScore(0.3, 0.3), new NormalScore(0.52, 0.001), new NormalScore(-3, 0.1)};
        SplittableRandom rng = new SplittableRandom(7);
        double[] means = {0.5, 0.55, 0.3, 0.52, -3};
        double[] sds = {0.1, 0.02, 0.3, 0.001, 0.1};
        assertMatchesMonteCarlo(ProbabilityOfBest.of(arms), () -> {
            double[] draws = new double[means.length];
            for (int i = 0; i < draws.length; i++) {
                draws[i] = means[i] + sds[i] * rng.nextGaussian();
            }
            return draws;
        });
    }

    @Test
    void probabilityOfBestMatchesMonteCarloForBetas() {
        double[][] ab = {{1, 1}, {30, 10}, {300, 120}, {2, 5}};
        ScoreDistribution[] arms = new ScoreDistribution[ab.length];
        BetaDistribution[] samplers = new BetaDistribution[ab.length];
        Well19937c random = new Well19937c(11);
        for (int i = 0; i < ab.length; i++) {
            arms[i] = new BetaScore(ab[i][0], ab[i][1]);
            samplers[i] = new BetaDistribution(random, ab[i][0], ab[i][1]);
        }
        assertMatchesMonteCarlo(ProbabilityOfBest.of(arms), () -> {
            double[] draws = new double[ab.length];
            for (int i = 0; i < draws.length; i++) {
                draws[i] = samplers[i].sample();
            }
            return draws;
        });
    }

    private static void assertMatchesMonteCarlo(ProbabilityVector p, java.util.function.Supplier<double[]> draw) {
        int n = 200_000;
        int[] wins = new int[p.size()];
        for (int i = 0; i < n; i++) {
            double[] d = draw.get();
            wins[Exploration.best(d)]++;
        }
        for (int i = 0; i < p.size(); i++) {
            assertEquals(wins[i] / (double) n, p.get(i), 0.005, "arm " + i);
        }
    }
}
