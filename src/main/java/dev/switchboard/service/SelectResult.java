package dev.switchboard.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to {@code POST /select}.
 *
 * @param probability the propensity of the chosen arm in this context, in (0, 1]
 * @param explore whether the chosen arm is not the one with the highest estimated reward
 * @param scores each candidate's estimated expected reward
 */
// the endpoint declares it inside a CompletionStage; registered explicitly so a native image can always write it
@RegisterForReflection
public record SelectResult(UUID decisionId, String policy, String arm, double probability, boolean explore,
        Map<String, Double> scores) {
}
