package dev.switchboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.learning.encoding.Context;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Validates a request's {@code context} JSON object and turns it into a {@link Context}: strings are categorical,
 * numbers numeric, booleans 0/1, nulls absent. The same code reads contexts back from the feedback log, so a replay
 * sees exactly what the live request saw.
 */
public final class ContextCodec {

    public static final int MAX_FEATURES = 256;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_CATEGORY_LENGTH = 256;

    private ContextCodec() {
    }

    /**
     * @param node the context object, or null/missing for an empty context
     * @param pointer JSON Pointer of the context in the request, for error messages
     */
    public static Context decode(JsonNode node, String pointer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Context.empty();
        }
        if (!node.isObject()) {
            throw new InvalidInputException("context must be a JSON object, got " + node.getNodeType(), pointer);
        }
        if (node.size() > MAX_FEATURES) {
            throw new InvalidInputException("context has " + node.size() + " features; at most " + MAX_FEATURES
                    + " are allowed", pointer);
        }
        Map<String, String> categorical = new HashMap<>();
        Map<String, Double> numeric = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new InvalidInputException("feature names must be 1-" + MAX_KEY_LENGTH + " characters", at);
            }
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                if (value.textValue().length() > MAX_CATEGORY_LENGTH) {
                    throw new InvalidInputException("feature " + key + " is longer than " + MAX_CATEGORY_LENGTH
                            + " characters", at);
                }
                categorical.put(key, value.textValue());
            } else if (value.isNumber()) {
                double x = value.doubleValue();
                if (!Double.isFinite(x)) {
                    throw new InvalidInputException("feature " + key + " must be a finite number", at);
                }
                numeric.put(key, x);
            } else if (value.isBoolean()) {
                numeric.put(key, value.booleanValue() ? 1.0 : 0.0);
            } else if (!value.isNull()) {
                throw new InvalidInputException("feature " + key + " must be a string, number or boolean, got "
                        + value.getNodeType(), at);
            }
        }
        return Context.of(categorical, numeric);
    }
}
