package dev.switchboard.learning;

import dev.switchboard.learning.encoding.Context;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A synthetic routing world of the kind Switchboard is for, built from a seed: prompts of six tasks in five languages
 * with a prompt length, and models whose chance of a good answer depends on all three. It knows its oracle (the best
 * expected reward in each context), so a learner's online expected reward can be scored against it.
 *
 * <ul>
 *   <li>Each model has a base quality, a strength per task and per language, and some models are much better in one
 *       task×language cell only (a niche that only a feature cross can learn).</li>
 *   <li>Cheap models have a context window; a prompt longer than it almost always fails.</li>
 *   <li>{@link Scenario#DRIFT}: halfway through, the weakest coder silently becomes the best coder.</li>
 *   <li>{@link Scenario#NEW_ARM}: a third of the way in, a model that is the best at math is added.</li>
 * </ul>
 *
 * <p>Rewards are Bernoulli; feedback can be delayed by a random number of decisions and arrives shuffled.
 */
final class RoutingWorld {

    static final String[] TASKS = {"code", "math", "chat", "translate", "summarize", "extract"};
    static final String[] LANGS = {"en", "de", "fr", "zh", "es"};
    static final int CODE = 0;
    static final int MATH = 1;
    private static final int[] WINDOWS = {4096, 8192, 16385, 32000};
    private static final double FAILURE_BEYOND_WINDOW = 0.03;
    private static final double SPECIALTY = 0.25;
    /** How much better than every other model the changed model must be in a round to count for its share. */
    private static final double CLEAR_LEAD = 0.05;

    enum Scenario { STATIONARY, DRIFT, NEW_ARM }

    /** How big a world is: the first {@code tasks} of {@link #TASKS}, the first {@code langs} of {@link #LANGS}. */
    record Shape(int tasks, int langs, int arms) {

        Shape {
            if (tasks < 2 || tasks > TASKS.length || langs < 1 || langs > LANGS.length || arms < 2) {
                throw new IllegalArgumentException("a world has 2 to " + TASKS.length + " tasks, 1 to " + LANGS.length
                        + " languages and at least 2 models, not " + tasks + " × " + langs + " × " + arms);
            }
        }

        /** The learning tests' world: every task and language. */
        static Shape of(int arms) {
            return new Shape(TASKS.length, LANGS.length, arms);
        }

        /** Parses {@code tasks x langs x arms}, e.g. {@code 4x3x5}. */
        static Shape parse(String text) {
            String[] parts = text.split("x");
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public String toString() {
            return tasks + " tasks × " + langs + " languages × " + arms + " models";
        }
    }

    private final Scenario scenario;
    private final int tasks;
    private final int langs;
    private final double[] base;
    private final double[][] task;
    private final double[][] lang;
    private final double[][][] niche;
    private final int[] window;
    private final int driftingArm;
    private double driftBoost;

    /**
     * @param arms how many models (at least 6); under {@link Scenario#NEW_ARM} the last one arrives late
     */
    RoutingWorld(Scenario scenario, int arms, long seed) {
        this(scenario, Shape.of(arms), seed);
    }

    /**
     * @param shape under {@link Scenario#NEW_ARM} the last model arrives late; at least 2 tasks (code and math)
     */
    RoutingWorld(Scenario scenario, Shape shape, long seed) {
        this.scenario = scenario;
        this.tasks = shape.tasks();
        this.langs = shape.langs();
        int arms = shape.arms();
        SplittableRandom rng = new SplittableRandom(seed);
        base = new double[arms];
        task = new double[arms][tasks];
        lang = new double[arms][langs];
        niche = new double[arms][tasks][langs];
        window = new int[arms];
        for (int a = 0; a < arms; a++) {
            base[a] = rng.nextDouble(0.5, 0.65);
            for (int t = 0; t < tasks; t++) {
                task[a][t] = rng.nextDouble(-0.1, 0.1);
            }
            for (int l = 0; l < langs; l++) {
                lang[a][l] = rng.nextDouble(-0.05, 0.05);
            }
            task[a][(a + (int) (seed % tasks)) % tasks] += SPECIALTY;
            lang[a][rng.nextInt(langs)] += SPECIALTY / 2;
            window[a] = a < WINDOWS.length ? WINDOWS[a] : Integer.MAX_VALUE;
        }
        for (int n = 0; n < arms / 2; n++) {
            niche[rng.nextInt(arms)][rng.nextInt(tasks)][rng.nextInt(langs)] = SPECIALTY;
        }
        int weakest = 0;
        for (int a = 0; a < arms; a++) {
            if (meanOver(a, CODE) < meanOver(weakest, CODE)) {
                weakest = a;
            }
        }
        driftingArm = weakest;
        if (scenario == Scenario.NEW_ARM) {
            int newcomer = arms - 1;
            double bestOther = 0;
            for (int a = 0; a < newcomer; a++) {
                bestOther = Math.max(bestOther, maxOver(a, MATH));
            }
            task[newcomer][MATH] += bestOther + 0.1 - minOver(newcomer, MATH);
            window[newcomer] = Integer.MAX_VALUE;
        }
    }

    private double meanOver(int arm, int t) {
        double sum = 0;
        for (int l = 0; l < langs; l++) {
            sum += quality(arm, t, l);
        }
        return sum / langs;
    }

    private double maxOver(int arm, int t) {
        double max = 0;
        for (int l = 0; l < langs; l++) {
            max = Math.max(max, quality(arm, t, l));
        }
        return max;
    }

    private double minOver(int arm, int t) {
        double min = 1;
        for (int l = 0; l < langs; l++) {
            min = Math.min(min, quality(arm, t, l));
        }
        return min;
    }

    private double quality(int arm, int t, int l) {
        double boost = arm == driftingArm && t == CODE ? driftBoost : 0;
        return clamp(base[arm] + task[arm][t] + lang[arm][l] + niche[arm][t][l] + boost);
    }

    private static double clamp(double p) {
        return Math.max(0.02, Math.min(0.98, p));
    }

    int arms() {
        return base.length;
    }

    /** The arms that exist at {@code round} of {@code rounds}. */
    int[] activeArms(int round, int rounds) {
        int count = scenario == Scenario.NEW_ARM && round < rounds / 3 ? arms() - 1 : arms();
        int[] active = new int[count];
        for (int a = 0; a < count; a++) {
            active[a] = a;
        }
        return active;
    }

    /** Applies the silent change, if this scenario has one and {@code round} is its moment. */
    void advance(int round, int rounds) {
        if (scenario == Scenario.DRIFT && round == rounds / 2) {
            double bestCoder = 0;
            for (int a = 0; a < arms(); a++) {
                if (a != driftingArm) {
                    bestCoder = Math.max(bestCoder, maxOver(a, CODE));
                }
            }
            driftBoost = bestCoder + 0.1 - minOver(driftingArm, CODE);
        }
    }

    /** One prompt of the stream, with every arm's true success probability for it. */
    record Round(Context context, int task, double[] successProbability) {
    }

    Round next(SplittableRandom rng) {
        int t = rng.nextInt(tasks);
        int l = rng.nextInt(langs);
        long tokens = Math.round(Math.exp(rng.nextDouble(Math.log(20), Math.log(60_000))));
        double[] p = new double[arms()];
        for (int a = 0; a < p.length; a++) {
            p[a] = tokens > window[a] ? FAILURE_BEYOND_WINDOW : quality(a, t, l);
        }
        Context context = Context.of(Map.of("task", TASKS[t], "lang", LANGS[l]),
                Map.of("promptTokens", (double) tokens));
        return new Round(context, t, p);
    }

    /**
     * What a run scored over its last quarter.
     *
     * @param oracleRatio expected reward of the choices over the oracle's
     * @param changedArmShare the share of the changed task's traffic (code under drift, math for a new arm) that went
     *        to the arm that changed or arrived, counted over the rounds where that arm clearly leads every other
     *        (by {@link #CLEAR_LEAD}); NaN where it leads in none (the stationary stream, or a world where another
     *        model was already as good)
     * @param exploreLoss the part of {@code 1 − oracleRatio} lost on exploring choices (an arm whose estimate was not
     *        the best); the rest was lost on choosing the best estimate when it was wrong
     */
    record Score(double oracleRatio, double changedArmShare, double exploreLoss) {
    }

    /** Scores of several runs, summed up: means, the worst ratio and the fewest share. */
    static final class Tally {

        private int runs;
        private double ratio;
        private double exploreLoss;
        private double worstRatio = 1;
        private int runsWithShare;
        private double share;
        private double fewestShare = 1;

        void add(Score score) {
            runs++;
            ratio += score.oracleRatio();
            exploreLoss += score.exploreLoss();
            worstRatio = Math.min(worstRatio, score.oracleRatio());
            if (!Double.isNaN(score.changedArmShare())) {
                runsWithShare++;
                share += score.changedArmShare();
                fewestShare = Math.min(fewestShare, score.changedArmShare());
            }
        }

        /** The mean of the runs' scores; its share is over the runs that have one. */
        Score mean() {
            return new Score(ratio / runs, runsWithShare == 0 ? Double.NaN : share / runsWithShare,
                    exploreLoss / runs);
        }

        double worstRatio() {
            return worstRatio;
        }

        double fewestShare() {
            return runsWithShare == 0 ? Double.NaN : fewestShare;
        }

        /** How many runs had rounds where the changed arm clearly led, and so a share. */
        int runsWithShare() {
            return runsWithShare;
        }
    }

    /** The arm that changes (drift) or arrives (new arm). */
    int changedArm() {
        return scenario == Scenario.NEW_ARM ? arms() - 1 : driftingArm;
    }

    /** The task the change is about. */
    int changedTask() {
        return scenario == Scenario.NEW_ARM ? MATH : CODE;
    }

    /** What the world routes through: the learning core in process, or a running service. */
    interface Router {

        /** Makes sure there are {@code count} arms, adding new ones at the end. */
        void ensureArms(int count);

        /** Chooses among {@code active}; the decision is handed back with its reward. */
        Decision choose(Context context, int[] active);

        void reward(Decision decision, double reward);
    }

    /**
     * One choice of a {@link Router}: the arm, whether it explored (chose an arm whose estimate was not the best), and
     * whatever the router needs to credit the reward to it.
     */
    record Decision(int arm, boolean explore, Object handle) {
    }

    /** Routes through a {@link PolicyModel} in process. */
    static Router inProcess(PolicyModel model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Router() {
            @Override
            public void ensureArms(int count) {
                while (model.arms() < count) {
                    model.addArm();
                }
            }

            @Override
            public Decision choose(Context context, int[] active) {
                Choice choice = model.choose(context, active, PolicyModel.NO_COSTS, rng);
                return new Decision(choice.arm(), choice.explore(), context);
            }

            @Override
            public void reward(Decision decision, double reward) {
                model.learn(decision.arm(), (Context) decision.handle(), reward);
            }
        };
    }

    /**
     * Runs {@code rounds} online rounds of {@code model} and scores its expected reward over the last quarter against
     * the oracle's, with each reward delivered between 0 and {@code maxDelay} decisions late (shuffled).
     */
    Score run(PolicyModel model, int rounds, int maxDelay, long seed) {
        return run(model, rounds, maxDelay, seed, 0);
    }

    /**
     * As {@link #run(PolicyModel, int, int, long)}, with the exploration seeded by {@code exploration} (0 for the
     * default): the same stream of prompts and draws, a different luck of the exploration.
     */
    Score run(PolicyModel model, int rounds, int maxDelay, long seed, int exploration) {
        return run(inProcess(model, seed + 1 + 1000L * exploration), rounds, maxDelay, seed);
    }

    /** As {@link #run(PolicyModel, int, int, long)}, through any router. Each run starts before any change. */
    Score run(Router router, int rounds, int maxDelay, long seed) {
        driftBoost = 0;
        SplittableRandom rng = new SplittableRandom(seed);
        PriorityQueue<Pending> pending = new PriorityQueue<>();
        double got = 0;
        double best = 0;
        double lostExploring = 0;
        int changedTaskRounds = 0;
        int onChangedArm = 0;
        for (int i = 0; i < rounds; i++) {
            advance(i, rounds);
            int[] active = activeArms(i, rounds);
            router.ensureArms(active.length);
            Round round = next(rng);
            Decision decision = router.choose(round.context(), active);
            double p = round.successProbability()[decision.arm()];
            double reward = rng.nextDouble() < p ? 1 : 0;
            pending.add(new Pending(i + rng.nextInt(maxDelay + 1), rng.nextLong(), decision, reward));
            while (!pending.isEmpty() && pending.peek().due() <= i) {
                Pending f = pending.poll();
                router.reward(f.decision(), f.reward());
            }
            if (i >= rounds * 3 / 4) {
                double oracle = oracle(round, active);
                got += p;
                best += oracle;
                lostExploring += decision.explore() ? oracle - p : 0;
                if (round.task() == changedTask() && clearlyBest(changedArm(), round, active)) {
                    changedTaskRounds++;
                    onChangedArm += decision.arm() == changedArm() ? 1 : 0;
                }
            }
        }
        return new Score(got / best, changedTaskRounds == 0 ? Double.NaN : (double) onChangedArm / changedTaskRounds,
                lostExploring / best);
    }

    /**
     * Whether {@code arm} leads every other active arm in this round by at least {@link #CLEAR_LEAD}. Qualities are
     * clamped to 0.98, so an arm made "best by 0.1" can in fact tie with one already near the clamp; a round where it
     * does not clearly lead says nothing about whether the learner found it.
     */
    private static boolean clearlyBest(int arm, Round round, int[] active) {
        double[] p = round.successProbability();
        for (int other : active) {
            if (other != arm && p[arm] - p[other] < CLEAR_LEAD) {
                return false;
            }
        }
        return true;
    }

    private static double oracle(Round round, int[] active) {
        double best = 0;
        for (int a : active) {
            best = Math.max(best, round.successProbability()[a]);
        }
        return best;
    }

    private record Pending(int due, long order, Decision decision, double reward) implements Comparable<Pending> {

        @Override
        public int compareTo(Pending o) {
            int byDue = Integer.compare(due, o.due);
            return byDue != 0 ? byDue : Long.compare(order, o.order);
        }
    }
}
