package dev.switchboard.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.TextSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates a request's {@code context} JSON object and turns it into a {@link Context}: strings are categorical,
 * numbers numeric, booleans 0/1, nulls absent; the key {@code text} carries the prompt, which is reduced at once to
 * its {@link TextSummary} (or carries such a summary as an object, for clients that do not send prompts).
 *
 * <p>{@link #encode} writes the canonical form that is logged with each decision (the summary, never the prompt),
 * and the same {@link #decode} reads it back from the feedback log, so a replay sees exactly what the live request
 * saw.
 */
public final class ContextCodec {

    public static final int MAX_FEATURES = 256;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_CATEGORY_LENGTH = 256;
    private static final List<String> SUMMARY_FIELDS = List.of("chars", "code", "math", "words");

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
        TextSummary text = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new InvalidInputException("feature names must be 1-" + MAX_KEY_LENGTH + " characters",
                        InvalidInputException.member(pointer, key));
            }
            JsonNode value = field.getValue();
            if (Context.TEXT.equals(key)) {
                text = value.isNull() ? null : text(value, InvalidInputException.member(pointer, key));
            } else if (value.isTextual()) {
                if (value.textValue().length() > MAX_CATEGORY_LENGTH) {
                    throw new InvalidInputException("feature " + key + " is longer than " + MAX_CATEGORY_LENGTH
                            + " characters", InvalidInputException.member(pointer, key));
                }
                categorical.put(key, value.textValue());
            } else if (value.isNumber()) {
                double x = value.doubleValue();
                if (!Double.isFinite(x)) {
                    throw new InvalidInputException("feature " + key + " must be a finite number",
                            InvalidInputException.member(pointer, key));
                }
                numeric.put(key, x);
            } else if (value.isBoolean()) {
                numeric.put(key, value.booleanValue() ? 1.0 : 0.0);
            } else if (!value.isNull()) {
                throw new InvalidInputException("feature " + key + " must be a string, number or boolean, got "
                        + value.getNodeType(), InvalidInputException.member(pointer, key));
            }
        }
        return Context.of(categorical, numeric, text);
    }

    private static TextSummary text(JsonNode value, String at) {
        if (value.isTextual()) {
            return TextSummary.of(value.textValue());
        }
        if (!value.isObject()) {
            throw new InvalidInputException(Context.TEXT + " must be the prompt as a string, or its summary object",
                    at);
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUMMARY_FIELDS.contains(name)) {
                throw new InvalidInputException("unknown field " + name + " in a text summary; it has "
                        + String.join(", ", SUMMARY_FIELDS), at + "/" + name);
            }
        }
        JsonNode chars = value.path("chars");
        JsonNode words = value.path("words");
        if (!chars.canConvertToInt() || !chars.isIntegralNumber() || !words.isArray()
                || !value.path("code").isBoolean() || !value.path("math").isBoolean()) {
            throw new InvalidInputException("a text summary has chars (integer), code and math (booleans) and "
                    + "words (array of integers)", at);
        }
        int[] buckets = new int[words.size()];
        for (int i = 0; i < buckets.length; i++) {
            if (!words.get(i).isIntegralNumber()) {
                throw new InvalidInputException("word buckets are integers", at + "/words/" + i);
            }
            buckets[i] = words.get(i).intValue();
        }
        try {
            return new TextSummary(chars.intValue(), value.get("code").booleanValue(), value.get("math").booleanValue(),
                    buckets);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), at);
        }
    }

    /**
     * The canonical JSON of a context, as it is logged: features as given (booleans as 0/1), text as its summary.
     * Written straight to a string, without building a tree first: this runs for every decision.
     */
    public static String encode(Context context) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, String> feature : context.categorical().entrySet()) {
                json.writeStringField(feature.getKey(), feature.getValue());
            }
            for (Map.Entry<String, Double> feature : context.numeric().entrySet()) {
                json.writeNumberField(feature.getKey(), feature.getValue());
            }
            TextSummary text = context.text();
            if (text != null) {
                json.writeObjectFieldStart(Context.TEXT);
                json.writeNumberField("chars", text.chars());
                json.writeBooleanField("code", text.code());
                json.writeBooleanField("math", text.math());
                json.writeArrayFieldStart("words");
                for (int bucket : text.words()) {
                    json.writeNumber(bucket);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a string", e);
        }
        return out.toString();
    }
}
