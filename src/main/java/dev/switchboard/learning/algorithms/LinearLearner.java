package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.LearnerConfig;
import dev.switchboard.learning.encoding.Encoding;

/**
 * What {@link LinUcb} and {@link LinTs} share: one ridge regression per arm over the encoded context
 * ({@link LinearArms}), whose priors follow the params. They differ only in how they choose.
 *
 * @param <C> the learner's params
 */
abstract class LinearLearner<C extends LinearLearner.Config> extends ArmStateLearner<C, LinearArms> {

    /** The params of a linear learner that its arms depend on. */
    interface Config extends LearnerConfig {

        /** The ridge prior's precision every feature starts with, in units of the noise. */
        double lambda();

        /** The encoding params shared by the contextual learners. */
        LinearParams features();

        @Override
        default Encoding encoding() {
            return features().encoding();
        }
    }

    LinearLearner(Class<C> configType, C config, LinearArms arms) {
        super(configType, config, arms);
    }

    @Override
    void reconfigured(C config) {
        config.features().reconfigure(state, config.lambda());
    }
}
