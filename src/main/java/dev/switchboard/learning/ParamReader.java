package dev.switchboard.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an algorithm's params from a map of JSON-like values and rejects what it does not know. Each getter takes
 * the default used when the param is absent; {@link #finish()} fails on any param no getter asked for.
 */
public final class ParamReader {

    static final int MAX_KEYS_PER_LIST = 3;
    static final int MAX_LISTS = 32;

    private final String algorithm;
    private final Map<String, Object> params;
    private final Set<String> read = new HashSet<>();

    public ParamReader(String algorithm, Map<String, Object> params) {
        this.algorithm = algorithm;
        this.params = params;
    }

    /** A finite number within [min, max]. */
    public double number(String name, double defaultValue, double min, double max) {
        Object value = take(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number)) {
            throw invalid(name, "must be a number, got " + describe(value));
        }
        double x = ((Number) value).doubleValue();
        if (!Double.isFinite(x) || x < min || x > max) {
            String range = max == Double.MAX_VALUE ? "≥ " + plain(min) : "in [" + plain(min) + ", " + plain(max) + "]";
            throw invalid(name, "must be " + range + ", got " + plain(x));
        }
        return x;
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String name, boolean defaultValue) {
        Object value = take(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean)) {
            throw invalid(name, "must be true or false, got " + describe(value));
        }
        return (Boolean) value;
    }

    /** A positive number (no upper bound). */
    public double positive(String name, double defaultValue) {
        double x = number(name, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (x <= 0) {
            throw invalid(name, "must be > 0, got " + plain(x));
        }
        return x;
    }

    /** A whole number within [min, max]. */
    public int integer(String name, int defaultValue, int min, int max) {
        double x = number(name, defaultValue, min, max);
        if (x != Math.rint(x)) {
            throw invalid(name, "must be a whole number, got " + plain(x));
        }
        return (int) x;
    }

    /**
     * A list of lists of 2 to {@value #MAX_KEYS_PER_LIST} context keys (each 1-128 characters), such as feature
     * crosses.
     */
    public List<List<String>> keyLists(String name, List<List<String>> defaultValue) {
        Object value = take(name);
        if (value == null) {
            return defaultValue;
        }
        String shape = "must be a list of lists of 2 to " + MAX_KEYS_PER_LIST + " feature names";
        if (!(value instanceof List<?> outer) || outer.size() > MAX_LISTS) {
            throw invalid(name, shape + " (at most " + MAX_LISTS + " lists), got " + describe(value));
        }
        List<List<String>> lists = new ArrayList<>();
        for (Object item : outer) {
            if (!(item instanceof List<?> inner) || inner.size() < 2 || inner.size() > MAX_KEYS_PER_LIST) {
                throw invalid(name, shape + ", got " + describe(item));
            }
            List<String> keys = new ArrayList<>();
            for (Object key : inner) {
                if (!(key instanceof String s) || s.isEmpty() || s.length() > 128) {
                    throw invalid(name, shape + ", got " + describe(key) + " in " + describe(item));
                }
                keys.add(s);
            }
            lists.add(List.copyOf(keys));
        }
        return List.copyOf(lists);
    }

    /** The raw value of {@code name} (null if absent), marked as asked for. */
    private Object take(String name) {
        read.add(name);
        return params.get(name);
    }

    /** Fails if the params hold a name that no getter asked for. */
    public void finish() {
        for (String name : params.keySet()) {
            if (!read.contains(name)) {
                String known = read.isEmpty() ? "no params" : String.join(", ", new java.util.TreeSet<>(read));
                throw new InvalidParamsException(algorithm + ": unknown param " + name + "; " + algorithm + " takes "
                        + known, name);
            }
        }
    }

    /** {@code param}'s problem, said as "{@code algorithm: param problem}". */
    private InvalidParamsException invalid(String param, String problem) {
        return new InvalidParamsException(algorithm + ": " + param + " " + problem, param);
    }

    /** A number as a person writes it: whole numbers without a fraction or an exponent (2, not 2.0 or 1.0E8). */
    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
