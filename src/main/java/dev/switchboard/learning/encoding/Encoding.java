package dev.switchboard.learning.encoding;

import java.util.List;

/**
 * How a policy turns contexts into feature vectors, beyond the fixed rules of {@link FeatureSpace}.
 *
 * @param capacity the most dimensions the space may hold, bias and overflow bucket included (at least 2)
 * @param interactions feature crosses: each entry is a list of context keys whose values are crossed into one
 *        indicator; {@value #ANY_KEY} stands for every categorical key of the context, so {@code [["*", "*"]]} crosses
 *        every pair
 */
public record Encoding(int capacity, List<List<String>> interactions) {

    public static final String ANY_KEY = "*";

    /** No crosses, just the bias and overflow dimensions: what non-contextual learners use. */
    public static final Encoding NONE = new Encoding(2, List.of());

    public Encoding {
        interactions = interactions.stream().map(List::copyOf).toList();
    }
}
