package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.ParamReader;

/** Params that every contextual learner takes, with one default each. */
final class LinearParams {

    static final int DEFAULT_MAX_FEATURES = 256;
    static final int MAX_MAX_FEATURES = 4096;

    private LinearParams() {
    }

    static int maxFeatures(ParamReader reader) {
        return reader.integer("maxFeatures", DEFAULT_MAX_FEATURES, 2, MAX_MAX_FEATURES);
    }
}
