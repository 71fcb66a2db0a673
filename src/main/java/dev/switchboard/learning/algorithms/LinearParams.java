package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.Encoding;
import java.util.List;
import java.util.Map;

/**
 * The params that every contextual learner takes, beside its own.
 *
 * @param maxFeatures most feature dimensions, bias and overflow bucket included (default 256)
 * @param interactions feature crosses (default {@code [["*", "*"]]}: every pair of categorical features, so that a
 *        model that is best only at, say, Chinese translation can be learned)
 * @param drift how far each weight of an arm may wander per 1,000 rewards, as a standard deviation, so that a model
 *        that changed is looked at again (default 0.05; 0 for a stationary world; see {@link LinearArms})
 */
record LinearParams(int maxFeatures, List<List<String>> interactions, double drift) {

    static final int DEFAULT_MAX_FEATURES = 256;
    static final int MAX_MAX_FEATURES = 4096;
    static final double DEFAULT_DRIFT = 0.05;
    static final List<List<String>> ALL_PAIRS = List.of(List.of(Encoding.ANY_KEY, Encoding.ANY_KEY));

    static LinearParams read(ParamReader reader) {
        return new LinearParams(reader.integer("maxFeatures", DEFAULT_MAX_FEATURES, 2, MAX_MAX_FEATURES),
                reader.keyLists("interactions", ALL_PAIRS),
                reader.number("drift", DEFAULT_DRIFT, 0, 1));
    }

    Encoding encoding() {
        return new Encoding(maxFeatures, interactions);
    }

    /** Adds these params to an algorithm's own, for the policy view. */
    Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new java.util.TreeMap<>(own);
        all.put("maxFeatures", maxFeatures);
        all.put("interactions", interactions);
        all.put("drift", drift);
        return all;
    }
}
