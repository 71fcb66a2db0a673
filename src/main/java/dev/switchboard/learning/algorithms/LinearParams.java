package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.ParamReader;
import dev.switchboard.learning.encoding.Encoding;
import java.io.DataInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The params that every contextual learner takes, beside its own.
 *
 * @param maxFeatures most feature dimensions, bias and overflow bucket included (default 256)
 * @param interactions feature crosses (default {@code [["*", "*"]]}: every pair of categorical features, so that a
 *        model that is best only at, say, Chinese translation can be learned)
 * @param drift how far each weight of an arm may wander per 1,000 rewards, in standard deviations of its prior, so
 *        that a model that changed is looked at again (default 0.03; 0 for a stationary world; see {@link LinearArms})
 * @param learnPriors whether each group of features learns how wide its prior is from the rewards (empirical Bayes;
 *        default true; see {@link LinearArms})
 */
record LinearParams(int maxFeatures, List<List<String>> interactions, double drift, boolean learnPriors) {

    static final int DEFAULT_MAX_FEATURES = 256;
    static final int MAX_MAX_FEATURES = 4096;
    static final double DEFAULT_DRIFT = 0.03;
    static final List<List<String>> ALL_PAIRS = List.of(List.of(Encoding.ANY_KEY, Encoding.ANY_KEY));

    static LinearParams read(ParamReader reader) {
        return new LinearParams(reader.integer("maxFeatures", DEFAULT_MAX_FEATURES, 2, MAX_MAX_FEATURES),
                reader.keyLists("interactions", ALL_PAIRS),
                reader.number("drift", DEFAULT_DRIFT, 0, 1),
                reader.bool("learnPriors", true));
    }

    /** The arms of a new learner whose ridge prior starts at {@code lambda}. */
    LinearArms newArms(int count, double lambda) {
        return LinearArms.create(count, lambda, drift, learnPriors);
    }

    /** The arms of a learner from its snapshot, brought to these params. */
    LinearArms readArms(DataInput in, double lambda) throws IOException {
        return LinearArms.readFrom(in, lambda, drift, learnPriors);
    }

    /** Applies these params and {@code lambda} to arms that learned under others. */
    void reconfigure(LinearArms arms, double lambda) {
        arms.setLambda(lambda);
        arms.setDrift(drift);
        arms.setLearnPriors(learnPriors);
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
        all.put("learnPriors", learnPriors);
        return all;
    }
}
