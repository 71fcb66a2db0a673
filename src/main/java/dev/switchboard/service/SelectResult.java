package dev.switchboard.service;

import java.util.Map;
import java.util.UUID;

/**
 * The answer to {@code POST /select}.
 *
 * @param probability the propensity of the chosen arm in this context, in (0, 1]
 * @param explore whether the chosen arm is not the one with the highest estimated reward
 * @param scores each candidate's estimated expected reward
 */
public record SelectResult(UUID decisionId, String policy, String arm, double probability, boolean explore,
        Map<String, Double> scores) {
}
