package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.Learner;
import dev.switchboard.learning.LearnerConfig;
import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A learner as every algorithm here is one: its params, which can change, and what it learned of its arms, which
 * learns, grows and is stored the same way whatever the algorithm. Each algorithm adds how it chooses.
 *
 * @param <C> the algorithm's params
 * @param <S> what it learns of its arms
 */
abstract class ArmStateLearner<C extends LearnerConfig, S extends ArmState> implements Learner {

    private final Class<C> configType;
    private C config;
    final S state;

    ArmStateLearner(Class<C> configType, C config, S state) {
        this.configType = configType;
        this.config = config;
        this.state = state;
    }

    C config() {
        return config;
    }

    @Override
    public void learn(int arm, FeatureVector x, double reward) {
        state.learn(arm, x, reward);
    }

    @Override
    public void addArm() {
        state.addArm();
    }

    /** Takes the changed params, then calls {@link #reconfigured}. */
    @Override
    public void reconfigure(LearnerConfig config) {
        this.config = configType.cast(config);
        reconfigured(this.config);
    }

    /** What the algorithm does when its params changed; nothing unless it overrides this. */
    void reconfigured(C config) {
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        state.writeTo(out);
    }
}
