package dev.switchboard.service;

import java.util.List;
import java.util.Map;

/**
 * A validated {@code PUT /policies/{name}} body.
 *
 * @param params algorithm params as JSON-like values (numbers, strings, booleans, lists, maps)
 */
public record PolicyDraft(String algorithm, List<Arm> arms, Map<String, Object> params) {

    /**
     * @param cost price of one call (≥ 0), or null
     * @param metadata other fields of the arm object as a JSON object, or null
     */
    public record Arm(String id, Double cost, String metadata) {
    }
}
