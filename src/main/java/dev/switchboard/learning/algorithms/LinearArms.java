package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One {@link RidgeRegression} per arm (the disjoint linear model), shared by the contextual learners. */
final class LinearArms {

    private final List<RidgeRegression> arms;
    private double lambda;

    private LinearArms(List<RidgeRegression> arms, double lambda) {
        this.arms = arms;
        this.lambda = lambda;
    }

    static LinearArms create(int arms, double lambda) {
        List<RidgeRegression> list = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            list.add(new RidgeRegression(lambda));
        }
        return new LinearArms(list, lambda);
    }

    RidgeRegression arm(int arm) {
        return arms.get(arm);
    }

    void addArm() {
        arms.add(new RidgeRegression(lambda));
    }

    void learn(int arm, FeatureVector x, double reward) {
        arms.get(arm).update(x, reward);
    }

    void setLambda(double newLambda) {
        for (RidgeRegression arm : arms) {
            arm.setLambda(newLambda);
        }
        lambda = newLambda;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(arms.size());
        for (RidgeRegression arm : arms) {
            arm.writeTo(out);
        }
    }

    /** Restores the arms and brings them to the config's {@code lambda} if a snapshot was taken under another. */
    static LinearArms readFrom(DataInput in, double lambda) throws IOException {
        int count = in.readInt();
        List<RidgeRegression> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RidgeRegression arm = RidgeRegression.readFrom(in);
            arm.setLambda(lambda);
            list.add(arm);
        }
        return new LinearArms(list, lambda);
    }
}
