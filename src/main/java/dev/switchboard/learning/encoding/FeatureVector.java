package dev.switchboard.learning.encoding;

/**
 * A sparse encoded context: the active dimensions of a {@link FeatureSpace} with their values, plus the squared norm
 * of the features that the space has not seen yet.
 *
 * <p>Unseen features have no learned weight, so they add nothing to an estimate, but they do add uncertainty: in a
 * ridge regression with prior {@code λI} a never-updated dimension contributes exactly {@code x²/λ} to
 * {@code xᵀA⁻¹x}. Keeping their squared norm lets the contextual learners account for them without growing the space
 * on a read.
 *
 * <p>The active dimensions are held in ascending order of index, whatever order they were given in: a learner that
 * reads a symmetric matrix at every pair of them then reads one triangle only, without a test per pair.
 *
 * <p>Immutable; the arrays are owned by this object and never exposed.
 */
public final class FeatureVector {

    private final int[] indices;
    private final double[] values;
    private final int[] groups;
    private final double unseenSquaredNorm;

    FeatureVector(int[] indices, double[] values, int[] groups, double unseenSquaredNorm) {
        this.indices = indices;
        this.values = values;
        this.groups = groups;
        this.unseenSquaredNorm = unseenSquaredNorm;
        sortByIndex();
    }

    /** Insertion sort of the entries by index: an encoded context's indices mostly ascend already. */
    private void sortByIndex() {
        for (int k = 1; k < indices.length; k++) {
            int index = indices[k];
            double value = values[k];
            int group = groups[k];
            int l = k - 1;
            for (; l >= 0 && indices[l] > index; l--) {
                indices[l + 1] = indices[l];
                values[l + 1] = values[l];
                groups[l + 1] = groups[l];
            }
            indices[l + 1] = index;
            values[l + 1] = value;
            groups[l + 1] = group;
        }
    }

    /**
     * A vector of explicit entries, all of one group, for tests and benchmarks; indices must be distinct and
     * non-negative.
     */
    public static FeatureVector of(int[] indices, double[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        return new FeatureVector(indices.clone(), values.clone(), new int[indices.length], 0);
    }

    public int nonZeros() {
        return indices.length;
    }

    /** The k-th active dimension; {@code index(k) < index(k + 1)}. */
    public int index(int k) {
        return indices[k];
    }

    public double value(int k) {
        return values[k];
    }

    /**
     * The group of the k-th active dimension: dimensions of one kind of feature (every value of one categorical key,
     * the steps of one number, one cross of keys) share a group, and a learner may learn one prior width per group.
     */
    public int group(int k) {
        return groups[k];
    }

    /** One more than the largest active index: the dimension a model needs to hold this vector. */
    public int requiredDimension() {
        return indices.length == 0 ? 0 : indices[indices.length - 1] + 1;
    }

    public double unseenSquaredNorm() {
        return unseenSquaredNorm;
    }
}
