package dev.switchboard.learning.algorithms;

import dev.switchboard.learning.encoding.FeatureVector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-arm reward count and sum: the sufficient statistics of the non-contextual learners. Mergeable: two sets of
 * totals over disjoint feedback add up to the totals over all of it.
 */
final class RewardTotals implements ArmState {

    private double[] count;
    private double[] sum;

    RewardTotals(int arms) {
        count = new double[arms];
        sum = new double[arms];
    }

    int arms() {
        return count.length;
    }

    @Override
    public void addArm() {
        count = Arrays.copyOf(count, count.length + 1);
        sum = Arrays.copyOf(sum, sum.length + 1);
    }

    /** The context does not matter here. */
    @Override
    public void learn(int arm, FeatureVector x, double reward) {
        count[arm] += 1;
        sum[arm] += reward;
    }

    double count(int arm) {
        return count[arm];
    }

    double sum(int arm) {
        return sum[arm];
    }

    /** Mean reward, or {@code whenUnseen} for an arm with no reward yet. */
    double mean(int arm, double whenUnseen) {
        return count[arm] > 0 ? sum[arm] / count[arm] : whenUnseen;
    }

    /** Rewards over all arms. */
    double totalCount() {
        double n = 0;
        for (double c : count) {
            n += c;
        }
        return n;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(count.length);
        for (int i = 0; i < count.length; i++) {
            out.writeDouble(count[i]);
            out.writeDouble(sum[i]);
        }
    }

    static RewardTotals readFrom(DataInput in) throws IOException {
        RewardTotals totals = new RewardTotals(in.readInt());
        for (int i = 0; i < totals.count.length; i++) {
            totals.count[i] = in.readDouble();
            totals.sum[i] = in.readDouble();
        }
        return totals;
    }
}
