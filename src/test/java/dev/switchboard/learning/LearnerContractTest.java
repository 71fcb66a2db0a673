package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.learning.encoding.Context;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every learner must have, checked on each with fixed seeds. */
class LearnerContractTest {

    private static final Context CONTEXT = Context.of(Map.of("task", "code"), Map.of("promptTokens", 900.0));

    private static PolicyModel trained(String algorithm, int arms, long seed) {
        return trained(algorithm, Map.of(), arms, seed);
    }

    private static PolicyModel trained(String algorithm, Map<String, Object> params, int arms, long seed) {
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, params), arms);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            int arm = rng.nextInt(arms);
            model.learn(arm, CONTEXT, rng.nextDouble() < 0.3 + 0.1 * arm ? 1 : 0);
        }
        return model;
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void probabilitiesSumToOneAndTheReportedOneIsTheChosenArms(String algorithm) {
        PolicyModel model = trained(algorithm, 4, 3);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            Choice choice = model.choose(CONTEXT, new int[] {0, 1, 2, 3}, PolicyModel.NO_COSTS, rng);
            double sum = 0;
            for (int k = 0; k < choice.candidates().length; k++) {
                sum += choice.distribution().get(k);
                if (choice.candidates()[k] == choice.arm()) {
                    assertEquals(choice.distribution().get(k), choice.probability(), 0);
                }
            }
            assertEquals(1, sum, 1e-9);
            assertTrue(choice.probability() > 0 && choice.probability() <= 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void reportedProbabilitiesMatchHowOftenEachArmIsChosen(String algorithm) {
        PolicyModel model = trained(algorithm, 3, 9);
        int[] candidates = {0, 1, 2};
        SplittableRandom rng = new SplittableRandom(13);
        double[] reported = model.choose(CONTEXT, candidates, PolicyModel.NO_COSTS, rng).distribution().toArray();
        int n = 40_000;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            counts[model.choose(CONTEXT, candidates, PolicyModel.NO_COSTS, rng).arm()]++;
        }
        for (int arm = 0; arm < 3; arm++) {
            assertEquals(reported[arm], counts[arm] / (double) n, 0.01, algorithm + " arm " + arm);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void findsTheBestArmOfAFixedBernoulliProblem(String algorithm) {
        double[] success = {0.3, 0.45, 0.7, 0.5};
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, Map.of()), success.length);
        SplittableRandom rng = new SplittableRandom(21);
        int[] all = {0, 1, 2, 3};
        int bestInLastThousand = 0;
        for (int i = 0; i < 5000; i++) {
            int arm = model.choose(Context.empty(), all, PolicyModel.NO_COSTS, rng).arm();
            model.learn(arm, Context.empty(), rng.nextDouble() < success[arm] ? 1 : 0);
            if (i >= 4000 && arm == 2) {
                bestInLastThousand++;
            }
        }
        assertTrue(bestInLastThousand >= 900, algorithm + " chose the best arm " + bestInLastThousand + "/1000");
    }

    @ParameterizedTest
    @CsvSource({"epsilon-greedy, 0.05", "epsilon-greedy, 0.2", "linucb, 0.02", "linucb, 0.1"})
    void epsilonFloorsHold(String algorithm, double epsilon) {
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, Map.of("epsilon", epsilon)), 5);
        for (int i = 0; i < 500; i++) {
            model.learn(0, Context.empty(), 1);
        }
        Choice choice = model.choose(Context.empty(), new int[] {0, 1, 2, 3, 4}, PolicyModel.NO_COSTS,
                new SplittableRandom(1));
        for (int k = 0; k < 5; k++) {
            assertTrue(choice.distribution().get(k) >= epsilon / 5 - 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ucb1", "linucb"})
    void deterministicChoicesHaveProbabilityOneOrShareTies(String algorithm) {
        Map<String, Object> params = algorithm.equals("linucb") ? Map.of("epsilon", 0) : Map.of();
        PolicyModel fresh = PolicyModel.create(Algorithms.parse(algorithm, params), 4);
        Choice tied = fresh.choose(CONTEXT, new int[] {0, 1, 2, 3}, PolicyModel.NO_COSTS, new SplittableRandom(1));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, tied.distribution().toArray(), 1e-12);
        PolicyModel model = trained(algorithm, params, 4, 17);
        for (int i = 0; i < 2000; i++) {
            model.learn(3, CONTEXT, 1);
        }
        assertEquals(1.0, model.choose(CONTEXT, new int[] {0, 1, 2, 3}, PolicyModel.NO_COSTS,
                new SplittableRandom(2)).probability());
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void aCostWeightFavoursTheCheaperOfTwoEqualArmsAndLeavesEstimatesAlone(String algorithm) {
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, Map.of("costWeight", 0.5)), 2);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            model.learn(i % 2, CONTEXT, rng.nextDouble() < 0.8 ? 1 : 0);
        }
        double[] costs = {4, 1};
        Choice withCosts = model.choose(CONTEXT, new int[] {0, 1}, costs, new SplittableRandom(1));
        Choice without = model.choose(CONTEXT, new int[] {0, 1}, PolicyModel.NO_COSTS, new SplittableRandom(1));
        assertTrue(withCosts.distribution().get(1) > 0.9, algorithm + ": " + withCosts.distribution());
        assertArrayEquals(without.estimates(), withCosts.estimates(), 0);
    }
}
