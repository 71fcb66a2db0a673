package dev.switchboard.learning;

import dev.switchboard.learning.encoding.Encoding;
import java.io.DataInput;
import java.io.IOException;
import java.util.Map;

/** The validated params of one algorithm, with every default filled in; creates and restores its learner. */
public interface LearnerConfig {

    /** The algorithm's public name, e.g. {@code linucb}. */
    String algorithm();

    /** Every param with its effective value, for the policy view and for storage. */
    Map<String, Object> params();

    /** How contexts are encoded; non-contextual algorithms need nothing but the bias. */
    default Encoding encoding() {
        return Encoding.NONE;
    }

    Learner newLearner(int arms);

    /** Restores a learner that {@link Learner#writeTo} wrote. */
    Learner readLearner(DataInput in) throws IOException;
}
