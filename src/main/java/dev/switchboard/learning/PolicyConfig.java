package dev.switchboard.learning;

import java.util.Map;
import java.util.TreeMap;

/**
 * A policy's validated settings: its learner's config and the params every algorithm takes.
 *
 * @param learner the algorithm and its own params
 * @param costWeight λ ≥ 0: the policy maximises {@code reward − λ·cost(arm)/max cost} (default 0: cost is ignored)
 */
public record PolicyConfig(LearnerConfig learner, double costWeight) {

    public static final String COST_WEIGHT = "costWeight";

    public String algorithm() {
        return learner.algorithm();
    }

    /** Every param with its effective value, for the policy view and for storage. */
    public Map<String, Object> params() {
        Map<String, Object> params = new TreeMap<>(learner.params());
        params.put(COST_WEIGHT, costWeight);
        return params;
    }

    /**
     * What each candidate's reward is reduced by: {@code λ·cost/max cost}, the maximum taken over every arm's cost.
     *
     * @param armCosts the cost of every arm of the policy, by index; empty if no arm has a cost
     */
    double[] penalties(int[] candidates, double[] armCosts) {
        double[] penalties = new double[candidates.length];
        double maxCost = 0;
        for (double cost : armCosts) {
            maxCost = Math.max(maxCost, cost);
        }
        if (costWeight == 0 || maxCost == 0) {
            return penalties;
        }
        for (int i = 0; i < candidates.length; i++) {
            penalties[i] = costWeight * armCosts[candidates[i]] / maxCost;
        }
        return penalties;
    }
}
