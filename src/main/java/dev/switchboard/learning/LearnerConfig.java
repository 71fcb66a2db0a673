package dev.switchboard.learning;

import java.io.DataInput;
import java.io.IOException;
import java.util.Map;

/** The validated params of one algorithm, with every default filled in; creates and restores its learner. */
public interface LearnerConfig {

    /** The algorithm's public name, e.g. {@code linucb}. */
    String algorithm();

    /** Every param with its effective value, for the policy view and for storage. */
    Map<String, Object> params();

    /** The most feature dimensions the policy's feature space may hold (2 for non-contextual algorithms). */
    int featureCapacity();

    Learner newLearner(int arms);

    /** Restores a learner that {@link Learner#writeTo} wrote. */
    Learner readLearner(DataInput in) throws IOException;
}
