package dev.switchboard.learning.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.Encoding;
import dev.switchboard.learning.encoding.FeatureSpace;
import dev.switchboard.learning.encoding.FeatureVector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The priors and the noise that the contextual learners learn from the rewards. */
class LinearArmsTest {

    private static final String[] TASKS = {"code", "math", "chat", "extract"};
    private static final String[] LANGS = {"en", "de", "fr", "zh"};
    /** Each model's chance of a good answer: by task it differs by up to 0.6, by language by 0.04. */
    private static final double[][] TASK_EFFECT = {{0.3, -0.3, 0.1, -0.1}, {-0.2, 0.3, -0.3, 0.2}};
    private static final double[][] LANG_EFFECT = {{0.02, -0.02, 0, 0.01}, {-0.01, 0.02, 0, -0.02}};

    private static LinearArms learn(boolean learnPriors, FeatureSpace space) {
        LinearArms arms = LinearArms.create(2, 1, 0, learnPriors);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 6000; i++) {
            int t = rng.nextInt(TASKS.length);
            int l = rng.nextInt(LANGS.length);
            int arm = rng.nextInt(2);
            double p = 0.5 + TASK_EFFECT[arm][t] + LANG_EFFECT[arm][l];
            arms.learn(arm, space.learn(Context.of(Map.of("task", TASKS[t], "lang", LANGS[l]), Map.of())),
                    rng.nextDouble() < p ? 1 : 0);
        }
        return arms;
    }

    @Test
    void aKeyThatBarelyMattersLearnsANarrowerPriorThanOneThatDecides() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms arms = learn(true, space);
        double lang = arms.priorPrecision(space.names().indexOf("c:lang=de"));
        double task = arms.priorPrecision(space.names().indexOf("c:task=math"));
        assertTrue(lang > 10 * task, "prior precision of a language " + lang + ", of a task " + task);
        assertEquals(lang, arms.priorPrecision(space.names().indexOf("c:lang=zh")), "one prior for one key");
        // rewards drawn at 0.2 to 0.8: a Bernoulli variance of 0.16 to 0.25
        assertTrue(arms.noise() > 0.15 && arms.noise() < 0.25, "noise variance " + arms.noise());
    }

    @Test
    void anArmThatJoinsAfterThePriorsWereFittedKeepsTheWidePriorForAWhileFromItsFirstReward() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms arms = learn(true, space);
        int math = space.names().indexOf("c:task=math");
        double learned = arms.priorPrecision(math);
        assertTrue(learned > 1, "the task's prior narrowed: " + learned);
        assertEquals(learned, arms.priorPrecision(0, math), "an arm there from the start holds the learned width");
        arms.addArm();
        assertEquals(1, arms.priorPrecision(2, math), "untried, the newcomer holds lambda");
        FeatureVector mathInGerman = space.encode(Context.of(Map.of("task", "math", "lang", "de"), Map.of()));
        // its first reward, then the others' and its own
        for (int i = 0; i < LinearArms.LATE_ARM_WIDE_REWARDS; i++) {
            arms.learn((i + 2) % 3, mathInGerman, i % 2);
            assertEquals(1, arms.priorPrecision(2, math), "after " + (i + 1) + " of the policy's rewards");
        }
        // 500 of the policy's rewards after its first one, its next update takes the learned width
        arms.learn(2, mathInGerman, 1);
        assertEquals(arms.priorPrecision(math), arms.priorPrecision(2, math));
    }

    /**
     * Replicas learn of an arm at different moments (one where it was defined, another when its definition or its first
     * reward reaches it), so an arm with no reward must not move the learned priors: it once did, through each refit
     * between its definition and its first reward, and replicas ended up apart (by about 10⁻⁷ in ReplicasIT).
     */
    @Test
    void anArmWithNoRewardYetDoesNotMoveThePriors() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms definedEarly = LinearArms.create(3, 1, 0, true);
        LinearArms addedAtItsFirstReward = LinearArms.create(2, 1, 0, true);
        SplittableRandom rng = new SplittableRandom(11);
        boolean added = false;
        for (int i = 0; i < 3000; i++) {
            int t = rng.nextInt(TASKS.length);
            int l = rng.nextInt(LANGS.length);
            int arm = i < 2000 ? rng.nextInt(2) : rng.nextInt(3);
            double p = arm == 2 ? 0.9 : 0.5 + TASK_EFFECT[arm][t] + LANG_EFFECT[arm][l];
            FeatureVector x = space.learn(Context.of(Map.of("task", TASKS[t], "lang", LANGS[l]), Map.of()));
            double reward = rng.nextDouble() < p ? 1 : 0;
            if (arm == 2 && !added) {
                addedAtItsFirstReward.addArm();
                added = true;
            }
            definedEarly.learn(arm, x, reward);
            addedAtItsFirstReward.learn(arm, x, reward);
        }
        for (int j = 0; j < space.dimension(); j++) {
            assertEquals(addedAtItsFirstReward.priorPrecision(j), definedEarly.priorPrecision(j), space.names().get(j));
        }
        FeatureVector probe = space.encode(Context.of(Map.of("task", "math", "lang", "de"), Map.of()));
        for (int arm = 0; arm < 3; arm++) {
            assertEquals(addedAtItsFirstReward.mean(arm, probe), definedEarly.mean(arm, probe), 1e-12);
            assertEquals(addedAtItsFirstReward.variance(arm, probe), definedEarly.variance(arm, probe), 1e-12);
        }
    }

    @Test
    void aWeightNeglectedForLongBecomesAtMostAsUncertainAsANewArms() {
        // drift 1: a weight's random walk adds its whole prior variance every 1,000 rewards
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms arms = LinearArms.create(2, 1, 1, false);
        FeatureVector code = space.learn(Context.of(Map.of("task", "code"), Map.of()));
        FeatureVector chat = space.learn(Context.of(Map.of("task", "chat"), Map.of()));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            arms.learn(1, code, rng.nextInt(2));
        }
        double learned = arms.variance(1, code);
        // arm 1 goes on learning, but never about code again, for 20 times the walk's time to its prior variance
        for (int i = 0; i < 20_000; i++) {
            arms.learn(1, chat, rng.nextInt(2));
        }
        double neglected = arms.variance(1, code);
        double untried = arms.variance(0, code);
        assertTrue(neglected > 5 * learned, "code became uncertain again: " + learned + " then " + neglected);
        assertTrue(neglected <= untried * (1 + 1e-9), "neglected " + neglected + ", never learned " + untried);
    }

    @Test
    void fixedPriorsStayAtLambda() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms arms = learn(false, space);
        for (int j = 0; j < space.dimension(); j++) {
            assertEquals(1, arms.priorPrecision(j), space.names().get(j));
        }
    }

    @Test
    void aLargePolicyMovesItsPriorsOverItsArmsLaterUpdatesNotAllAtOnce() {
        int count = 16;
        int d = 128;
        LinearArms arms = LinearArms.create(count, 1, 0, true);
        SplittableRandom rng = new SplittableRandom(3);
        int[] indices = new int[d];
        for (int j = 0; j < d; j++) {
            indices[j] = j;
        }
        FeatureVector[] contexts = new FeatureVector[32];
        for (int c = 0; c < contexts.length; c++) {
            double[] values = new double[d];
            for (int j = 0; j < d; j++) {
                values[j] = rng.nextDouble();
            }
            contexts[c] = FeatureVector.of(indices, values);
        }
        // rewards that no feature explains: the one group's prior narrows at the first refit, after 250 rewards
        int time = 0;
        for (; time < LinearArms.FIRST_REFIT; time++) {
            arms.learn(time % count, contexts[rng.nextInt(contexts.length)], rng.nextDouble() < 0.5 ? 1 : 0);
        }
        int pending = differing(arms, count, d);
        // raising all 16 × 127 priors (the bias keeps lambda) at once would cost 16 · 127 · 128 · 129 / 2 multiply-adds
        int raisedAtOnce = (int) (LinearArms.REFIT_WORK / (d * (d + 1) / 2));
        assertTrue(arms.priorPrecision(1) > 1, "the refit narrowed the prior: " + arms.priorPrecision(1));
        assertEquals(count * (d - 1) - raisedAtOnce, pending, "priors left for the arms' later updates");
        // each update raises CATCH_UP_WORK / (d(d+1)/2) = 31 of its arm's priors: 5 updates of each arm catch all up
        for (; time < LinearArms.FIRST_REFIT + 5 * count; time++) {
            arms.learn(time % count, contexts[rng.nextInt(contexts.length)], rng.nextDouble() < 0.5 ? 1 : 0);
        }
        assertEquals(0, differing(arms, count, d), "every arm caught up before the next refit");
        // a new lambda moves every prior (the bias's too) back down to it in the same way, without inverting
        arms.setLambda(0.5);
        assertEquals(count * d - raisedAtOnce, differing(arms, count, d), "priors left for the arms' later updates");
        for (int until = time + 8 * count; time < until; time++) {
            arms.learn(time % count, contexts[rng.nextInt(contexts.length)], rng.nextDouble() < 0.5 ? 1 : 0);
        }
        assertEquals(0, differing(arms, count, d), "every arm has the new lambda before the next refit");
        assertEquals(0.5, arms.priorPrecision(0, 1));
    }

    @Test
    void aNewLambdaGivesWhatLearningUnderItFromTheStartGives() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms changed = LinearArms.create(2, 1, 0, false);
        LinearArms direct = LinearArms.create(2, 4, 0, false);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            FeatureVector x = space.learn(Context.of(Map.of("task", TASKS[rng.nextInt(TASKS.length)],
                    "lang", LANGS[rng.nextInt(LANGS.length)]), Map.of()));
            int arm = rng.nextInt(2);
            double reward = rng.nextDouble() < 0.3 + 0.4 * arm ? 1 : 0;
            changed.learn(arm, x, reward);
            direct.learn(arm, x, reward);
        }
        changed.setLambda(4);
        FeatureVector probe = space.encode(Context.of(Map.of("task", "math", "lang", "zh"), Map.of()));
        for (int arm = 0; arm < 2; arm++) {
            assertEquals(direct.mean(arm, probe), changed.mean(arm, probe), 1e-9);
            // the noise was learned from predictions made under the old prior, so compare in units of it
            assertEquals(direct.variance(arm, probe) / direct.noise(), changed.variance(arm, probe) / changed.noise(),
                    1e-9);
        }
    }

    /** How many of the arms' priors differ from the policy's targets. */
    private static int differing(LinearArms arms, int count, int dimensions) {
        int differing = 0;
        for (int a = 0; a < count; a++) {
            for (int j = 0; j < dimensions; j++) {
                differing += arms.priorPrecision(a, j) != arms.priorPrecision(j) ? 1 : 0;
            }
        }
        return differing;
    }
}
