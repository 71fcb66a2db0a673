package dev.switchboard.learning.encoding;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The learned vocabulary of one policy: which feature sits in which dimension, and how raw values are encoded.
 *
 * <ul>
 *   <li>Dimension 0 is the bias term, always 1.</li>
 *   <li>Dimension 1 is the shared overflow bucket: once the space holds {@code capacity} dimensions, every new
 *       indicator sets it instead of a dimension of its own; new numeric features are then ignored.</li>
 *   <li>A categorical feature {@code key = value} is the indicator {@code "c:key=value"}.</li>
 *   <li>A numeric feature {@code key = x} gives {@code "n:key"} with the value {@code sign(x)·log₆₅₅₃₆(1 + |x|)}
 *       (stateless, monotone and compressive: 100 and 100,000 prompt tokens become 0.42 and 1.04, on the scale of an
 *       indicator), and steps, so that a step such as a model's context window can be learned, not just a slope: for
 *       {@code |x| ≥ 2} the indicators {@code "g:key>=e1"} … {@code "g:key>=ek"}, {@code k} being the binary order of
 *       magnitude of {@code x} (at most {@value #MAX_STEP}; {@code "g:key<=-e1"} … for negatives), each of value
 *       {@value #STEP_WEIGHT}. A context window is then one weight, shared by every length beyond it, instead of one
 *       per order of magnitude; every step's prior is {@value #STEP_WEIGHT} as wide as a main effect's. A number
 *       below 2 in size (a boolean, a fraction) gives instead the one indicator of its order of magnitude,
 *       {@code "b:key=0"}, {@code "b:key=e<0"} or {@code "b:key=e0"} (with a minus for negatives).</li>
 *   <li>Each interaction of {@link Encoding#interactions()} crosses the levels of its keys (a numeric key takes part
 *       through its order of magnitude) into one indicator {@code "x:k1=v1&k2=v2"} of value
 *       {@value #CROSS_WEIGHT}.</li>
 *   <li>The prompt's {@linkplain Context#text() text summary} gives its length in characters (as the numeric
 *       feature {@code text.chars}), the indicators {@code "t:code"} and {@code "t:math"} when it looks like either,
 *       and up to {@value TextSummary#WORD_BUCKETS} hashed word indicators {@code "h:17"}, each
 *       {@value #CROSS_WEIGHT}{@code /√m} for m buckets, so that the words of any prompt together weigh as one cross:
 *       they refine what the context says, as a niche does. Weighing as a main effect, with 32 models on MMLU-Pro they
 *       cost 13 points of accuracy instead of 3.6.</li>
 * </ul>
 *
 * <p>No encoding keeps running statistics, so a context encodes the same way before and after any amount of
 * learning, and replaying feedback is exact. Dimensions are assigned in the order features are first
 * {@link #learn learned}, which is the feedback order, so every replica that folds the same feedback in the same
 * order gets the same space. {@link #encode} never assigns dimensions.
 *
 * <p>Not thread-safe: the owning policy model guards it.
 */
public final class FeatureSpace {

    public static final int BIAS = 0;
    public static final int OVERFLOW = 1;
    private static final int RESERVED = 2;
    private static final double LOG_65536 = Math.log(65536);
    /**
     * The value of a cross indicator. Under a ridge prior this makes a cross's prior standard deviation 0.3 of a main
     * effect's: a niche strength is learned once the evidence shows it, instead of being explored for in every cell.
     */
    static final double CROSS_WEIGHT = 0.3;
    /**
     * The value of a step indicator of a number. On the streams of the learning tests, 0.3 measured better than
     * 0.15, 0.2, 0.25, 0.5 and 1, and steps better than one indicator per order of magnitude on all three streams.
     */
    static final double STEP_WEIGHT = 0.3;
    /** The highest step of a number: 2³² and beyond share it, so no number sets more than this many steps. */
    static final int MAX_STEP = 32;

    /** How many distinct key sets {@link #crossPlans} remembers before it starts over. */
    static final int CROSS_PLANS = 256;

    private Encoding encoding;
    private final Map<String, Integer> dimensions = new HashMap<>();
    /**
     * The crosses that the interactions name, by the keys a context has (categorical keys first, then numeric ones):
     * working them out took half of encoding's time, and a policy's contexts mostly share a handful of key sets.
     */
    private final Map<KeySet, List<List<String>>> crossPlans = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** The group of each dimension (see {@link FeatureVector#group}), numbered in the order groups first appear. */
    private final List<Integer> groupOfDimension = new ArrayList<>();
    private final Map<String, Integer> groups = new HashMap<>();

    public FeatureSpace(Encoding encoding) {
        setEncoding(encoding);
        add("bias");
        add("overflow");
    }

    /** The number of dimensions assigned so far. */
    public int dimension() {
        return names.size();
    }

    /** Changes how contexts are encoded from now on; dimensions already assigned stay. */
    public void setEncoding(Encoding encoding) {
        if (encoding.capacity() < RESERVED) {
            throw new IllegalArgumentException("capacity must be at least " + RESERVED + ", got "
                    + encoding.capacity());
        }
        this.encoding = encoding;
        crossPlans.clear();
    }

    /** Name of each dimension, in order (for the policy view). */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Encodes without learning: features not seen yet count only towards {@link FeatureVector#unseenSquaredNorm()}. */
    public FeatureVector encode(Context context) {
        return encode(context, false);
    }

    /** Encodes, first giving every new feature a dimension while there is room. */
    public FeatureVector learn(Context context) {
        return encode(context, true);
    }

    private FeatureVector encode(Context context, boolean assign) {
        VectorBuilder vector = new VectorBuilder(assign);
        if (names.size() == RESERVED && encoding.capacity() == RESERVED) {
            // room for no feature (a non-contextual learner's space, Encoding.NONE): each would only set the overflow
            // bucket, so none is looked up
            vector.overflow = context.size() > 0;
            return vector.build();
        }
        Map<String, String> levels = new HashMap<>(context.categorical());
        for (Map.Entry<String, String> e : context.categorical().entrySet()) {
            vector.indicator("c:" + e.getKey() + "=" + e.getValue(), 1);
        }
        for (Map.Entry<String, Double> e : context.numeric().entrySet()) {
            String magnitude = magnitude(e.getValue());
            vector.numeric("n:" + e.getKey(), scale(e.getValue()));
            vector.steps(e.getKey(), e.getValue());
            levels.put(e.getKey(), magnitude);
        }
        for (List<String> cross : crossPlan(context)) {
            StringBuilder name = new StringBuilder("x:");
            for (String key : cross) {
                name.append(name.length() > 2 ? "&" : "").append(key).append('=').append(levels.get(key));
            }
            vector.indicator(name.toString(), CROSS_WEIGHT);
        }
        TextSummary text = context.text();
        if (text != null) {
            vector.numeric("n:text.chars", scale(text.chars()));
            vector.steps("text.chars", text.chars());
            if (text.code()) {
                vector.indicator("t:code", 1);
            }
            if (text.math()) {
                vector.indicator("t:math", 1);
            }
            int[] words = text.words();
            for (int bucket : words) {
                vector.indicator("h:" + bucket, CROSS_WEIGHT / Math.sqrt(words.length));
            }
        }
        return vector.build();
    }

    /** The keys of a context, categorical ones apart: what its crosses depend on. */
    private record KeySet(List<String> categorical, List<String> numeric) {
    }

    /** The crosses of {@link #crosses} for the keys of {@code context}, remembered per key set. */
    private List<List<String>> crossPlan(Context context) {
        if (encoding.interactions().isEmpty()) {
            return List.of();
        }
        KeySet keys = new KeySet(List.copyOf(context.categorical().keySet()), List.copyOf(context.numeric().keySet()));
        List<List<String>> plan = crossPlans.get(keys);
        if (plan == null) {
            TreeSet<String> present = new TreeSet<>(keys.categorical());
            present.addAll(keys.numeric());
            plan = List.copyOf(crosses(present, context.categorical().keySet()));
            if (crossPlans.size() >= CROSS_PLANS) {
                crossPlans.clear();
            }
            crossPlans.put(keys, plan);
        }
        return plan;
    }

    /** The distinct key sets (each sorted) that the interactions name among the keys present. */
    private TreeSet<List<String>> crosses(Set<String> present, Set<String> categorical) {
        TreeSet<List<String>> crosses = new TreeSet<>(FeatureSpace::compareKeyLists);
        for (List<String> interaction : encoding.interactions()) {
            expand(interaction, 0, new TreeSet<>(), present, categorical, crosses);
        }
        return crosses;
    }

    private static void expand(List<String> interaction, int position, TreeSet<String> chosen,
            Set<String> present, Set<String> categorical, TreeSet<List<String>> out) {
        if (position == interaction.size()) {
            if (chosen.size() == interaction.size()) {
                out.add(List.copyOf(chosen));
            }
            return;
        }
        String key = interaction.get(position);
        Iterable<String> options = Encoding.ANY_KEY.equals(key) ? categorical : List.of(key);
        for (String option : options) {
            if (present.contains(option) && !chosen.contains(option)) {
                chosen.add(option);
                expand(interaction, position + 1, chosen, present, categorical, out);
                chosen.remove(option);
            }
        }
    }

    private static int compareKeyLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byKey = a.get(i).compareTo(b.get(i));
            if (byKey != 0) {
                return byKey;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Collects the active dimensions of one vector, assigning new ones if asked to. */
    private final class VectorBuilder {

        private final boolean assign;
        private int[] indices = new int[16];
        private double[] values = new double[16];
        private int size;
        private double unseen;
        private boolean overflow;

        VectorBuilder(boolean assign) {
            this.assign = assign;
            put(BIAS, 1);
        }

        void indicator(String name, double value) {
            int dim = lookup(name, assign);
            if (dim >= 0) {
                put(dim, value);
            } else if (dimension() >= encoding.capacity()) {
                overflow = true;
            } else {
                unseen += value * value;
            }
        }

        void numeric(String name, double value) {
            int dim = lookup(name, assign);
            if (dim >= 0) {
                put(dim, value);
            } else if (dimension() < encoding.capacity()) {
                unseen += value * value;
            }
        }

        /** The step indicators of number {@code x} of feature {@code key} (see the class comment). */
        void steps(String key, double x) {
            double abs = Math.abs(x);
            if (abs < 2) {
                indicator("b:" + key + "=" + magnitude(x), 1);
                return;
            }
            String prefix = "g:" + key + (x < 0 ? "<=-e" : ">=e");
            for (int k = 1; k <= Math.min(MAX_STEP, Math.getExponent(abs)); k++) {
                indicator(prefix + k, STEP_WEIGHT);
            }
        }

        private void put(int dim, double value) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            indices[size] = dim;
            values[size++] = value;
        }

        FeatureVector build() {
            if (overflow) {
                put(OVERFLOW, 1);
            }
            int[] groupOf = new int[size];
            for (int k = 0; k < size; k++) {
                groupOf[k] = groupOfDimension.get(indices[k]);
            }
            return new FeatureVector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size), groupOf, unseen);
        }
    }

    private int lookup(String name, boolean assign) {
        Integer dim = dimensions.get(name);
        if (dim != null) {
            return dim;
        }
        if (!assign || names.size() >= encoding.capacity()) {
            return -1;
        }
        return add(name);
    }

    private int add(String name) {
        int assigned = names.size();
        names.add(name);
        dimensions.put(name, assigned);
        groupOfDimension.add(groups.computeIfAbsent(groupName(name), g -> groups.size()));
        return assigned;
    }

    /**
     * The kind of feature a dimension holds: {@code c:lang} for every {@code c:lang=…}, {@code g:promptTokens} for
     * its steps, {@code x:lang&task} for one cross, {@code h} for the hashed words; the bias, the overflow bucket and
     * each number are groups of their own.
     */
    static String groupName(String name) {
        String kind = name.substring(0, Math.min(2, name.length()));
        return switch (kind) {
            case "c:", "b:" -> name.substring(0, name.indexOf('='));
            case "g:" -> name.substring(0, Math.max(name.indexOf(">="), name.indexOf("<=")));
            case "x:" -> name.replaceAll("=[^&]*", "");
            case "h:", "t:" -> kind;
            default -> name;
        };
    }

    /** {@code sign(x)·log₆₅₅₃₆(1 + |x|)}. */
    static double scale(double x) {
        return Math.copySign(Math.log1p(Math.abs(x)) / LOG_65536, x);
    }

    /**
     * The binary order of magnitude of {@code x}: {@code "0"} for zero, {@code "e<k>"} for {@code 2^k ≤ x < 2^(k+1)}
     * with {@code k ≥ 0}, {@code "e<0"} for {@code 0 < x < 1}, and the same with a leading minus for negatives.
     */
    static String magnitude(double x) {
        if (x == 0) {
            return "0";
        }
        double abs = Math.abs(x);
        String unsigned = abs < 1 ? "e<0" : "e" + Math.getExponent(abs);
        return x < 0 ? "-" + unsigned : unsigned;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(names.size() - RESERVED);
        for (int i = RESERVED; i < names.size(); i++) {
            out.writeUTF(names.get(i));
        }
    }

    public static FeatureSpace readFrom(DataInput in, Encoding encoding) throws IOException {
        FeatureSpace space = new FeatureSpace(encoding);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            space.add(in.readUTF());
        }
        return space;
    }
}
