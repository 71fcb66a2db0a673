package dev.switchboard.learning.encoding;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned vocabulary of one policy: which feature sits in which dimension, and how raw values are encoded.
 *
 * <ul>
 *   <li>Dimension 0 is the bias term, always 1.</li>
 *   <li>Dimension 1 is the shared overflow bucket: once the space holds {@code capacity} dimensions, every new
 *       categorical value sets it instead of a dimension of its own; new numeric features are then ignored.</li>
 *   <li>A categorical feature {@code key = value} is the indicator of the name {@code "c:key=value"}.</li>
 *   <li>A numeric feature {@code key = x} has the name {@code "n:key"} and the value
 *       {@code sign(x)·ln(1 + |x|)}: stateless, monotone, and compressive, so that 100 and 100,000 prompt tokens become
 *       4.6 and 11.5 instead of swamping every other feature. Because it holds no running statistics, a context
 *       encodes the same way before and after any amount of learning, and replaying feedback is exact.</li>
 * </ul>
 *
 * <p>Dimensions are assigned in the order features are first {@link #learn learned}, which is the feedback order, so
 * that every replica that folds the same feedback in the same order gets the same space. {@link #encode} never
 * assigns dimensions.
 *
 * <p>Not thread-safe: the owning policy model guards it.
 */
public final class FeatureSpace {

    public static final int BIAS = 0;
    public static final int OVERFLOW = 1;
    private static final int RESERVED = 2;

    private int capacity;
    private final Map<String, Integer> dimensions = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** @param capacity the most dimensions the space will hold, bias and overflow included (at least 2) */
    public FeatureSpace(int capacity) {
        if (capacity < RESERVED) {
            throw new IllegalArgumentException("capacity must be at least " + RESERVED + ", got " + capacity);
        }
        this.capacity = capacity;
        names.add("bias");
        names.add("overflow");
    }

    /** The number of dimensions assigned so far. */
    public int dimension() {
        return names.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Changes how many dimensions may be assigned from now on; dimensions already assigned stay. */
    public void setCapacity(int capacity) {
        if (capacity < RESERVED) {
            throw new IllegalArgumentException("capacity must be at least " + RESERVED + ", got " + capacity);
        }
        this.capacity = capacity;
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
        int[] indices = new int[context.size() + 2];
        double[] values = new double[indices.length];
        indices[0] = BIAS;
        values[0] = 1;
        int n = 1;
        double unseen = 0;
        boolean overflow = false;
        for (Map.Entry<String, String> e : context.categorical().entrySet()) {
            int dim = lookup("c:" + e.getKey() + "=" + e.getValue(), assign);
            if (dim >= 0) {
                indices[n] = dim;
                values[n++] = 1;
            } else if (dimension() >= capacity) {
                overflow = true;
            } else {
                unseen += 1;
            }
        }
        for (Map.Entry<String, Double> e : context.numeric().entrySet()) {
            double x = scale(e.getValue());
            int dim = lookup("n:" + e.getKey(), assign);
            if (dim >= 0) {
                indices[n] = dim;
                values[n++] = x;
            } else if (dimension() < capacity) {
                unseen += x * x;
            }
        }
        if (overflow) {
            indices[n] = OVERFLOW;
            values[n++] = 1;
        }
        return new FeatureVector(java.util.Arrays.copyOf(indices, n), java.util.Arrays.copyOf(values, n), unseen);
    }

    private int lookup(String name, boolean assign) {
        Integer dim = dimensions.get(name);
        if (dim != null) {
            return dim;
        }
        if (!assign || names.size() >= capacity) {
            return -1;
        }
        int assigned = names.size();
        names.add(name);
        dimensions.put(name, assigned);
        return assigned;
    }

    /** {@code sign(x)·ln(1 + |x|)}. */
    static double scale(double x) {
        return Math.copySign(Math.log1p(Math.abs(x)), x);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(names.size() - RESERVED);
        for (int i = RESERVED; i < names.size(); i++) {
            out.writeUTF(names.get(i));
        }
    }

    public static FeatureSpace readFrom(DataInput in, int capacity) throws IOException {
        FeatureSpace space = new FeatureSpace(capacity);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            space.dimensions.put(name, space.names.size());
            space.names.add(name);
        }
        return space;
    }
}
