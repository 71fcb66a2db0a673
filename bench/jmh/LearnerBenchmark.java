package dev.switchboard.bench;

import dev.switchboard.learning.Algorithms;
import dev.switchboard.learning.Choice;
import dev.switchboard.learning.Learner;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.Encoding;
import dev.switchboard.learning.encoding.FeatureSpace;
import dev.switchboard.learning.encoding.FeatureVector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The learning core alone: one select (choose) and one update (learn) of each learner, for d features (every context
 * has all d dimensions active, the worst case) and K arms, and the encoding of a 6-feature context. {@code
 * updateSampled} times single updates on sparse contexts, for the tail; {@code changeLambda} a change of the prior.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LearnerBenchmark {

    @Param({"linucb", "lin-ts", "thompson", "ucb1", "epsilon-greedy"})
    public String algorithm;

    @Param({"16", "32", "64", "256"})
    public int d;

    @Param({"4", "8", "16", "64"})
    public int k;

    private Learner learner;
    private int[] candidates;
    private double[] penalties;
    private FeatureVector[] contexts;
    private SplittableRandom rng;
    private int next;

    @Setup
    public void setUp() {
        learner = Algorithms.parse(algorithm, algorithm.startsWith("lin") ? Map.of("maxFeatures", d) : Map.of())
                .learner().newLearner(k);
        candidates = new int[k];
        for (int a = 0; a < k; a++) {
            candidates[a] = a;
        }
        penalties = new double[k];
        rng = new SplittableRandom(1);
        contexts = new FeatureVector[64];
        int[] indices = new int[d];
        for (int i = 0; i < d; i++) {
            indices[i] = i;
        }
        for (int c = 0; c < contexts.length; c++) {
            double[] values = new double[d];
            for (int i = 0; i < d; i++) {
                values[i] = rng.nextDouble();
            }
            contexts[c] = FeatureVector.of(indices, values);
        }
        for (int i = 0; i < 20 * k; i++) {
            learner.learn(i % k, contexts[i % contexts.length], rng.nextDouble());
        }
    }

    @Benchmark
    public Choice select() {
        return learner.choose(contexts[next++ & 63], candidates, penalties, rng);
    }

    @Benchmark
    public int update() {
        int arm = next++ % k;
        learner.learn(arm, contexts[next & 63], 0.5);
        return arm;
    }

    /**
     * A learner of its own that learns only from sparse contexts, as categorical features and their crosses make
     * them: a tenth of the d dimensions active, each at 1.
     */
    @State(Scope.Thread)
    public static class Sparse {

        Learner learner;
        FeatureVector[] contexts;
        SplittableRandom rng;
        int next;

        @Setup
        public void setUp(LearnerBenchmark benchmark) {
            learner = Algorithms.parse(benchmark.algorithm, benchmark.algorithm.startsWith("lin")
                    ? Map.of("maxFeatures", benchmark.d) : Map.of()).learner().newLearner(benchmark.k);
            rng = new SplittableRandom(2);
            contexts = new FeatureVector[64];
            for (int c = 0; c < contexts.length; c++) {
                int[] indices = rng.ints(0, benchmark.d).distinct().limit(Math.max(1, benchmark.d / 10)).sorted()
                        .toArray();
                double[] ones = new double[indices.length];
                Arrays.fill(ones, 1);
                contexts[c] = FeatureVector.of(indices, ones);
            }
        }
    }

    /**
     * One update at a time of a learner that starts from nothing, on sparse contexts, with rewards that depend on the
     * arm, timed one by one: the tail (p0.999, p1.0) holds the refits of the learned priors, which the average of
     * {@link #update} hides. Run it without warm-up ({@code -wi 0}) to see the first refits too.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int updateSampled(Sparse sparse) {
        int arm = sparse.next++ % k;
        sparse.learner.learn(arm, sparse.contexts[sparse.rng.nextInt(64)],
                sparse.rng.nextDouble() < 0.5 + 0.3 * (arm & 1) ? 1 : 0);
        return arm;
    }

    /**
     * A change of {@code lambda} (1 and 2 by turns): how long it holds the learner (the contextual learners move
     * their priors at once only as far as a refit would, and the rest at later updates); the others take the same
     * params again.
     */
    @Benchmark
    public Learner changeLambda() {
        boolean linear = algorithm.startsWith("lin");
        double lambda = (next++ & 1) == 0 ? 2 : 1;
        learner.reconfigure(Algorithms.parse(algorithm, linear ? Map.of("maxFeatures", d, "lambda", lambda)
                : Map.of()).learner());
        return learner;
    }

    /** Encoding a 6-feature context with the default crosses, in a space that has seen it. */
    @State(Scope.Thread)
    public static class Encode {

        FeatureSpace space;
        Context context;

        @Setup
        public void setUp() {
            space = new FeatureSpace(new Encoding(256, List.of(List.of("*", "*"))));
            context = Context.of(Map.of("task", "code", "lang", "en", "tier", "pro", "region", "eu"),
                    Map.of("promptTokens", 812.0, "urgent", 1.0));
            space.learn(context);
        }
    }

    @Benchmark
    @Fork(1)
    public FeatureVector encodeContext(Encode state) {
        return state.space.encode(state.context);
    }
}
