package dev.switchboard.learning.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.Encoding;
import dev.switchboard.learning.encoding.FeatureSpace;
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
    void fixedPriorsStayAtLambda() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, List.of()));
        LinearArms arms = learn(false, space);
        for (int j = 0; j < space.dimension(); j++) {
            assertEquals(1, arms.priorPrecision(j), space.names().get(j));
        }
    }
}
