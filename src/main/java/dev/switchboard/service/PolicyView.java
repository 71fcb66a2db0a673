package dev.switchboard.service;

import java.util.List;
import java.util.Map;

/**
 * What a policy has learned, as {@code GET /policies/{name}} shows it.
 *
 * @param decisions selections made
 * @param rewards feedback received
 * @param meanReward mean of all rewards, null before the first
 * @param features feature dimensions learned so far (bias and overflow bucket included)
 */
public record PolicyView(String name, String algorithm, Map<String, Object> params, int version, long decisions,
        long rewards, Double meanReward, int features, List<ArmView> arms) {

    /**
     * @param status {@code active}, or {@code retired} once a PUT left the arm out
     * @param pulls times chosen
     * @param rewards feedback received for it
     * @param meanReward mean of its rewards, null before the first
     * @param cost its price per call, null when not given
     */
    public record ArmView(String id, String status, long pulls, long rewards, Double meanReward, Double cost) {
    }
}
