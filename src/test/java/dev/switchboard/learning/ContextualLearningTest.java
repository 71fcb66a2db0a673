package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.learning.RoutingWorld.Scenario;
import dev.switchboard.learning.encoding.Context;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contextual learners against the oracle of {@link RoutingWorld}s: 8,000 rounds each, expected reward over the
 * last quarter as a share of the per-context best, averaged over {@value #WORLDS} seeded worlds.
 */
class ContextualLearningTest {

    static final int ROUNDS = 8000;
    static final int WORLDS = 8;
    static final int ARMS = 8;

    /** Mean score of {@code algorithm} with {@code params} over the seeded worlds of one scenario. */
    static RoutingWorld.Score mean(String algorithm, Map<String, Object> params, Scenario scenario, int maxDelay) {
        return mean(algorithm, params, scenario, maxDelay, WORLDS);
    }

    /** As {@link #mean(String, Map, Scenario, int)}, over the first {@code worlds} seeded worlds. */
    static RoutingWorld.Score mean(String algorithm, Map<String, Object> params, Scenario scenario, int maxDelay,
            int worlds) {
        RoutingWorld.Tally tally = new RoutingWorld.Tally();
        for (int seed = 0; seed < worlds; seed++) {
            RoutingWorld world = new RoutingWorld(scenario, ARMS, 1000 + seed);
            PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, params),
                    world.activeArms(0, ROUNDS).length);
            tally.add(world.run(model, ROUNDS, maxDelay, 7 + seed));
        }
        return tally.mean();
    }

    @ParameterizedTest(name = "{0}: at least {1} of the oracle")
    @CsvSource({"STATIONARY, 0.97", "DRIFT, 0.95", "NEW_ARM, 0.97"})
    void linucbWithDefaultParamsNearsTheOracle(Scenario scenario, double floor) {
        double ratio = mean("linucb", Map.of(), scenario, 0).oracleRatio();
        assertTrue(ratio >= floor, "linucb reached " + ratio + " of the oracle on " + scenario);
    }

    /**
     * A prior width learned per key (a language decides less than a task) against one fixed ridge prior for every
     * feature, the same bound otherwise: over 80 runs of the stationary stream 0.981 against 0.977.
     */
    @Test
    void learnedPriorsBeatOneFixedPriorForEveryFeature() {
        double learned = mean("linucb", Map.of(), Scenario.STATIONARY, 0).oracleRatio();
        double fixed = mean("linucb", Map.of("learnPriors", false), Scenario.STATIONARY, 0).oracleRatio();
        assertTrue(learned > fixed + 0.002, "learned priors " + learned + ", one fixed prior " + fixed);
    }

    @Test
    void aNewModelThatIsBestAtMathTakesMostMathTraffic() {
        double share = mean("linucb", Map.of(), Scenario.NEW_ARM, 0).changedArmShare();
        assertTrue(share >= 0.8, "the newcomer took " + share + " of math traffic in the last quarter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STATIONARY", "DRIFT", "NEW_ARM"})
    void feedbackShuffledUpTo500DecisionsLateCostsAtMostOnePoint(Scenario scenario) {
        // 20 worlds, as bench/streams: under drift finding the changed model is all or nothing in each world, so over
        // 8 one world more or less that finds it moves the difference by half a point
        double onTime = mean("linucb", Map.of(), scenario, 0, 20).oracleRatio();
        double late = mean("linucb", Map.of(), scenario, 500, 20).oracleRatio();
        assertTrue(late >= onTime - 0.01, "on time " + onTime + ", up to 500 decisions late " + late);
    }

    /** The weakest coder becomes the best halfway through; a random walk of the weights makes it be looked at again. */
    @Test
    void aDriftPriorFindsAModelThatSilentlyGotBetter() {
        double stationaryPrior = mean("linucb", Map.of("drift", 0), Scenario.DRIFT, 0).changedArmShare();
        double driftPrior = mean("linucb", Map.of("drift", 0.2), Scenario.DRIFT, 0).changedArmShare();
        assertTrue(driftPrior > 1.5 * stationaryPrior, "share of code on the changed model with drift 0.2: "
                + driftPrior + "; without drift: " + stationaryPrior);
    }

    /**
     * The drift prior's mechanism, where nothing else could find the change: two models, the first right 70% of the
     * time, the second 50% until round 1,000 and 95% from then on; no exploration floor; 16,000 rounds. Without drift,
     * the second model is never tried again wherever it had been written off before the change (measured: in 14 of
     * 20 seeds); under drift 0.2 its uncertainty grows back until it is tried, and it then takes the traffic, in every
     * seed.
     */
    @Test
    void aDriftPriorLooksAgainAtAModelItHadWrittenOff() {
        int writtenOff = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double without = shareAfterTheChange(0, seed);
            double with = shareAfterTheChange(0.2, seed);
            writtenOff += without <= 0.1 ? 1 : 0;
            assertTrue(with >= 0.75, "seed " + seed + ": the changed model's share of the last quarter with drift 0.2 "
                    + with + ", without drift " + without);
        }
        assertTrue(writtenOff >= 10, "without drift the changed model was lost in only " + writtenOff + " of 20 seeds");
    }

    private static double shareAfterTheChange(double drift, long seed) {
        PolicyModel model = PolicyModel.create(Algorithms.parse("linucb", Map.of("drift", drift, "epsilon", 0)), 2);
        SplittableRandom rng = new SplittableRandom(seed);
        Context context = Context.of(Map.of("task", "chat"), Map.of());
        int rounds = 16_000;
        int lastQuarter = 0;
        int onChanged = 0;
        for (int i = 0; i < rounds; i++) {
            int arm = model.choose(context, new int[] {0, 1}, PolicyModel.NO_COSTS, rng).arm();
            double p = arm == 0 ? 0.7 : i < 1000 ? 0.5 : 0.95;
            model.learn(arm, context, rng.nextDouble() < p ? 1 : 0);
            if (i >= rounds * 3 / 4) {
                lastQuarter++;
                onChanged += arm;
            }
        }
        return (double) onChanged / lastQuarter;
    }

    /**
     * Four models have learned for 3,000 rounds: each is right 40% to 65% of the time at five tasks, and one of them
     * 85% at math, which is a tenth of the prompts. A fifth model joins: right 35% of the time at the five tasks and
     * 97% at math. No floor and no drift, so only the newcomer's own uncertainty can get it tried at math. Under the
     * incumbents' learned widths, its bound for math fell below the incumbent's 0.85 as soon as its poor answers
     * elsewhere had told its level, before it had been tried at math often enough: it took math in none of 20 seeds.
     * An arm that joins late keeps the wide prior for 500 of the policy's rewards from its first
     * ({@code LinearArms.LATE_ARM_WIDE_REWARDS}); measured, it then takes math in all 20 (in 18 with 200).
     */
    @Test
    void aModelAddedLaterKeepsTheWidePriorUntilItHasBeenTriedAtEveryTask() {
        int found = 0;
        for (long seed = 1; seed <= 20; seed++) {
            found += newcomerShareOfMath(seed) >= 0.8 ? 1 : 0;
        }
        assertTrue(found >= 18, "the newcomer took math in " + found + " of 20 seeds");
    }

    private static double newcomerShareOfMath(long seed) {
        String[] tasks = {"chat", "translate", "summarize", "extract", "code", "math"};
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] quality = new double[5][tasks.length];
        for (int arm = 0; arm < 4; arm++) {
            for (int t = 0; t < tasks.length; t++) {
                quality[arm][t] = rng.nextDouble(0.4, 0.65);
            }
        }
        quality[0][5] = 0.85;
        java.util.Arrays.fill(quality[4], 0.35);
        quality[4][5] = 0.97;
        PolicyModel model = PolicyModel.create(Algorithms.parse("linucb", Map.of("drift", 0, "epsilon", 0)), 4);
        int rounds = 6_000;
        int math = 0;
        int onNewcomer = 0;
        for (int i = 0; i < rounds; i++) {
            if (i == 3_000) {
                model.addArm();
            }
            int t = rng.nextDouble() < 0.1 ? 5 : rng.nextInt(5);
            int[] active = i < 3_000 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2, 3, 4};
            Context context = Context.of(Map.of("task", tasks[t]), Map.of());
            int arm = model.choose(context, active, PolicyModel.NO_COSTS, rng).arm();
            model.learn(arm, context, rng.nextDouble() < quality[arm][t] ? 1 : 0);
            if (i >= 5_000 && t == 5) {
                math++;
                onNewcomer += arm == 4 ? 1 : 0;
            }
        }
        return (double) onNewcomer / math;
    }

    /**
     * Three tasks × three languages; a generalist is right 75% of the time everywhere, a specialist 95% in four cells
     * (Chinese translation, English chat, English and German code) and 30% elsewhere. No sum of a task effect and a
     * language effect describes those cells, so main effects give Chinese translation to the generalist; the default
     * task×language cross, with the exploration floor that makes the specialist be tried there, finds the niche. Over
     * 20 seeds of 20,000 rounds (the floor tries the specialist in that cell about once every 1,800 rounds), measured:
     * found in 19 with the defaults, 11 without the floor, 4 without crosses.
     */
    @Test
    void featureCrossesLearnANicheThatMainEffectsCannot() {
        int crossed = 0;
        int withoutFloor = 0;
        int plain = 0;
        for (long seed = 1; seed <= 20; seed++) {
            crossed += nicheShare(Map.of(), seed) >= 0.8 ? 1 : 0;
            withoutFloor += nicheShare(Map.of("epsilon", 0), seed) >= 0.8 ? 1 : 0;
            plain += nicheShare(Map.of("interactions", List.of()), seed) >= 0.8 ? 1 : 0;
        }
        assertTrue(crossed >= 15 && plain <= 5 && withoutFloor <= crossed - 5, "seeds of 20 in which the specialist"
                + " took its niche: " + crossed + " with the defaults, " + withoutFloor + " without the floor, " + plain
                + " without crosses");
    }

    /** The specialist's chance of a good answer by task and language. */
    private static final double[][] SPECIALTIES = {{0.95, 0.3, 0.3}, {0.3, 0.95, 0.3}, {0.3, 0.95, 0.95}};

    /** The specialist's share of Chinese translation over the last quarter of 20,000 rounds. */
    private static double nicheShare(Map<String, Object> params, long seed) {
        String[] tasks = {"translate", "chat", "code"};
        String[] langs = {"zh", "en", "de"};
        PolicyModel model = PolicyModel.create(Algorithms.parse("linucb", params), 2);
        SplittableRandom rng = new SplittableRandom(seed);
        int rounds = 20_000;
        int niche = 0;
        int onSpecialist = 0;
        for (int i = 0; i < rounds; i++) {
            int t = rng.nextInt(3);
            int l = rng.nextInt(3);
            Context context = Context.of(Map.of("task", tasks[t], "lang", langs[l]), Map.of());
            int arm = model.choose(context, new int[] {0, 1}, PolicyModel.NO_COSTS, rng).arm();
            double p = arm == 0 ? 0.75 : SPECIALTIES[t][l];
            model.learn(arm, context, rng.nextDouble() < p ? 1 : 0);
            if (i >= rounds * 3 / 4 && t == 0 && l == 0) {
                niche++;
                onSpecialist += arm;
            }
        }
        return (double) onSpecialist / niche;
    }

    @Test
    void linTsLearnsTheWorldToo() {
        double ratio = mean("lin-ts", Map.of(), Scenario.STATIONARY, 0).oracleRatio();
        assertTrue(ratio >= 0.96, "lin-ts reached " + ratio);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ucb1", "thompson"})
    void nonContextualLearnersCannotMatchTheOracleThere(String algorithm) {
        double ratio = mean(algorithm, Map.of(), Scenario.STATIONARY, 0).oracleRatio();
        assertTrue(ratio < 0.9, algorithm + " reached " + ratio + ": the world is not contextual enough to test");
    }
}
