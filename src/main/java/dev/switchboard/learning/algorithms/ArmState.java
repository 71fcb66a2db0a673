package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataOutput;
import java.io.IOException;

/** What a learner has learned of its arms: folded in reward by reward, grown arm by arm, stored whole. */
interface ArmState {

    /** Folds in one reward in [0, 1] for {@code arm} in context {@code x}. */
    void learn(int arm, FeatureVector x, double reward);

    /** Appends a new arm with nothing learned. */
    void addArm();

    /** Writes everything learned, for a snapshot. */
    void writeTo(DataOutput out) throws IOException;
}
