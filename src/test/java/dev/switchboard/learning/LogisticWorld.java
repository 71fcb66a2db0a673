package dev.switchboard.learning;

import dev.switchboard.learning.encoding.Context;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic routing world for learning tests: tasks × languages, with each arm's probability of a good answer
 * {@code σ(base_a + task_a[t] + lang_a[l] + γ·ln(tokens))}, so different arms are best for different contexts. It knows
 * its oracle: the best expected reward in each context.
 */
final class LogisticWorld {

    static final String[] TASKS = {"code", "chat", "math", "translate"};
    static final String[] LANGS = {"en", "de", "zh", "fr"};

    private final double[] base;
    private final double[][] task;
    private final double[][] lang;
    private final double tokenEffect;

    /** One context of the stream, with every arm's true success probability in it. */
    record Round(Context context, double[] successProbability) {

        double oracle() {
            double best = 0;
            for (double p : successProbability) {
                best = Math.max(best, p);
            }
            return best;
        }
    }

    LogisticWorld(int arms, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        base = new double[arms];
        task = new double[arms][TASKS.length];
        lang = new double[arms][LANGS.length];
        for (int a = 0; a < arms; a++) {
            base[a] = rng.nextDouble(-0.5, 0.5);
            for (int t = 0; t < TASKS.length; t++) {
                task[a][t] = rng.nextDouble(-1.5, 1.5);
            }
            for (int l = 0; l < LANGS.length; l++) {
                lang[a][l] = rng.nextDouble(-1, 1);
            }
        }
        tokenEffect = -0.1;
    }

    int arms() {
        return base.length;
    }

    Round next(SplittableRandom rng) {
        int t = rng.nextInt(TASKS.length);
        int l = rng.nextInt(LANGS.length);
        double tokens = Math.exp(rng.nextDouble(3, 10));
        double[] p = new double[base.length];
        for (int a = 0; a < p.length; a++) {
            double z = base[a] + task[a][t] + lang[a][l] + tokenEffect * (Math.log(tokens) - 6.5);
            p[a] = 1 / (1 + Math.exp(-z));
        }
        Context context = Context.of(Map.of("task", TASKS[t], "lang", LANGS[l]), Map.of("promptTokens", tokens));
        return new Round(context, p);
    }

    /**
     * Runs {@code rounds} online rounds of {@code model} (Bernoulli rewards) and returns the ratio of its expected
     * reward to the oracle's over the last quarter.
     */
    static double oracleRatio(PolicyModel model, LogisticWorld world, int rounds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] all = new int[world.arms()];
        for (int a = 0; a < all.length; a++) {
            all[a] = a;
        }
        double got = 0;
        double best = 0;
        for (int i = 0; i < rounds; i++) {
            Round round = world.next(rng);
            Choice choice = model.choose(round.context(), all, rng);
            double p = round.successProbability()[choice.arm()];
            model.learn(choice.arm(), round.context(), rng.nextDouble() < p ? 1 : 0);
            if (i >= rounds * 3 / 4) {
                got += p;
                best += round.oracle();
            }
        }
        return got / best;
    }
}
