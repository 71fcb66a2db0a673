package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyModelTest {

    private static void feed(PolicyModel model, RoutingWorld world, long seed, int rounds) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < rounds; i++) {
            RoutingWorld.Round round = world.next(rng);
            int arm = rng.nextInt(world.arms());
            model.learn(arm, round.context(), rng.nextDouble() < round.successProbability()[arm] ? 1 : 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void snapshotPlusReplayEqualsTheUninterruptedFold(String algorithm) {
        PolicyConfig config = Algorithms.parse(algorithm, Map.of());
        RoutingWorld world = new RoutingWorld(RoutingWorld.Scenario.STATIONARY, 6, 5);
        PolicyModel uninterrupted = PolicyModel.create(config, 6);
        feed(uninterrupted, world, 1, 300);
        feed(uninterrupted, world, 2, 200);

        PolicyModel first = PolicyModel.create(config, 6);
        feed(first, world, 1, 300);
        PolicyModel restored = PolicyModel.restore(config, first.snapshot());
        feed(restored, world, 2, 200);

        assertArrayEquals(uninterrupted.snapshot(), restored.snapshot());
        SplittableRandom a = new SplittableRandom(4);
        SplittableRandom b = new SplittableRandom(4);
        RoutingWorld.Round round = world.next(new SplittableRandom(9));
        int[] all = {0, 1, 2, 3};
        assertArrayEquals(uninterrupted.choose(round.context(), all, PolicyModel.NO_COSTS, a).estimates(),
                restored.choose(round.context(), all, PolicyModel.NO_COSTS, b).estimates(), 0);
    }

    @Test
    void aSnapshotOfAnotherFormatIsNotRestoredSoThePolicyIsReplayedInstead() {
        PolicyModel model = PolicyModel.create(Algorithms.parse("linucb", Map.of()), 3);
        byte[] snapshot = model.snapshot();
        assertTrue(PolicyModel.canRestore(snapshot));
        java.nio.ByteBuffer.wrap(snapshot).putInt(0, 3);
        assertFalse(PolicyModel.canRestore(snapshot), "format 3 had one fixed prior for every feature");
        java.nio.ByteBuffer.wrap(snapshot).putInt(0, 5);
        assertFalse(PolicyModel.canRestore(snapshot), "format 5 held the whole matrix of every arm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linucb", "ucb1"})
    void addingAnArmKeepsEveryOtherArmsState(String algorithm) {
        PolicyConfig config = Algorithms.parse(algorithm, Map.of());
        RoutingWorld world = new RoutingWorld(RoutingWorld.Scenario.STATIONARY, 6, 5);
        PolicyModel model = PolicyModel.create(config, 6);
        feed(model, world, 1, 300);
        RoutingWorld.Round round = world.next(new SplittableRandom(9));
        int[] old = {0, 1, 2, 3, 4, 5};
        double[] before = model.choose(round.context(), old, PolicyModel.NO_COSTS, new SplittableRandom(1)).estimates();
        model.addArm();
        assertEquals(7, model.arms());
        double[] after = model.choose(round.context(), old, PolicyModel.NO_COSTS, new SplittableRandom(1)).estimates();
        assertArrayEquals(before, after, 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void rejectsRewardsOutsideTheUnitInterval(double reward) {
        PolicyModel model = PolicyModel.create(Algorithms.parse("ucb1", Map.of()), 2);
        assertThrows(IllegalArgumentException.class,
                () -> model.learn(0, dev.switchboard.learning.encoding.Context.empty(), reward));
        assertEquals(0, model.rewardCount(0));
    }
}
