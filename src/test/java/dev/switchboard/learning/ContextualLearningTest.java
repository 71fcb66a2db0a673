package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contextual learners against the oracle of a logistic world where different arms are best for different tasks
 * and languages: 8,000 rounds, expected reward over the last quarter as a share of the per-context best.
 */
class ContextualLearningTest {

    @ParameterizedTest(name = "{0} with {1} arms, world {2}")
    @CsvSource({"linucb,5,1", "linucb,8,2", "linucb,6,3", "lin-ts,5,1", "lin-ts,8,2", "lin-ts,6,3"})
    void contextualLearnersReach97PercentOfTheOracle(String algorithm, int arms, long seed) {
        LogisticWorld world = new LogisticWorld(arms, 100 + seed);
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, Map.of()), arms);
        double ratio = LogisticWorld.oracleRatio(model, world, 8000, seed);
        assertTrue(ratio >= 0.97, algorithm + " reached " + ratio + " of the oracle");
    }

    @ParameterizedTest
    @CsvSource({"ucb1", "thompson"})
    void nonContextualLearnersCannotMatchTheOracleThere(String algorithm) {
        LogisticWorld world = new LogisticWorld(5, 101);
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, Map.of()), 5);
        double ratio = LogisticWorld.oracleRatio(model, world, 8000, 1);
        assertTrue(ratio < 0.95, algorithm + " reached " + ratio + ": the world is not contextual enough to test");
    }
}
