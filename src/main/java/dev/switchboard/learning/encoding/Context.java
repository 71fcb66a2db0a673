package dev.switchboard.learning.encoding;

import java.util.Map;
import java.util.TreeMap;

/**
 * The task features of one request, as the caller sent them, already validated: categorical features (strings)
 * and numeric features (numbers, with booleans as 0/1). Keys are kept sorted, so that iteration order (and with it
 * the order in which new features enter a {@link FeatureSpace}) never depends on how the caller ordered them.
 *
 * <p>Immutable and thread-safe.
 */
public final class Context {

    /** The context key that carries the prompt's text (or its {@link TextSummary}). */
    public static final String TEXT = "text";

    private static final Context EMPTY = new Context(new TreeMap<>(), new TreeMap<>(), null);

    private final TreeMap<String, String> categorical;
    private final TreeMap<String, Double> numeric;
    private final TextSummary text;

    private Context(TreeMap<String, String> categorical, TreeMap<String, Double> numeric, TextSummary text) {
        this.categorical = categorical;
        this.numeric = numeric;
        this.text = text;
    }

    /** The context without features: only the bias term is active. */
    public static Context empty() {
        return EMPTY;
    }

    /**
     * @param categorical feature name to its category
     * @param numeric feature name to its (finite) value
     * @throws IllegalArgumentException if a value is not finite or a key is used twice
     */
    public static Context of(Map<String, String> categorical, Map<String, Double> numeric) {
        return of(categorical, numeric, null);
    }

    /**
     * @param text the summary of the prompt's text, or null
     * @throws IllegalArgumentException if a value is not finite, a key is used twice, or {@value #TEXT} is a key
     */
    public static Context of(Map<String, String> categorical, Map<String, Double> numeric, TextSummary text) {
        if (categorical.containsKey(TEXT) || numeric.containsKey(TEXT)) {
            throw new IllegalArgumentException("feature " + TEXT + " is the prompt's text, not a feature");
        }
        for (Map.Entry<String, Double> e : numeric.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("feature " + e.getKey() + " must be finite, got " + e.getValue());
            }
            if (categorical.containsKey(e.getKey())) {
                throw new IllegalArgumentException("feature " + e.getKey() + " is both categorical and numeric");
            }
        }
        return new Context(new TreeMap<>(categorical), new TreeMap<>(numeric), text);
    }

    public Map<String, String> categorical() {
        return java.util.Collections.unmodifiableMap(categorical);
    }

    public Map<String, Double> numeric() {
        return java.util.Collections.unmodifiableMap(numeric);
    }

    /** The summary of the prompt's text, or null if the request carried none. */
    public TextSummary text() {
        return text;
    }

    public int size() {
        return categorical.size() + numeric.size() + (text == null ? 0 : 1);
    }
}
