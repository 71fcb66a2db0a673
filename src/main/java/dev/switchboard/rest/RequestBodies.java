package dev.switchboard.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.SwitchboardConfig;
import dev.switchboard.service.BodyTooLargeException;
import dev.switchboard.service.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads request bodies: enforces the size limit, parses strictly (duplicate keys are an error), and offers typed
 * field access whose errors name the field by JSON Pointer.
 */
@ApplicationScoped
public class RequestBodies {

    /** Jackson's own description of a location within the body, {@code [Source: …; line: 1, column: 36]}. */
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");
    /**
     * Jackson's notes on which of its own settings would change the verdict ({@code (1000, from
     * `StreamReadConstraints.getMaxNestingDepth()`)}, {@code : enable `JsonReadFeature.…` to allow}): about the
     * library, not the request.
     */
    private static final Pattern SETTING_NOTE = Pattern.compile(", from `[^`]*`|: enable `[^`]*` to allow");

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final long limit;

    RequestBodies(SwitchboardConfig config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    /** The parser's message with each location said as "line 1, column 36", without its notes on itself. */
    private static String withoutParserNotes(String parserMessage) {
        String located = SOURCE_LOCATION.matcher(parserMessage).replaceAll("line $1, column $2");
        return SETTING_NOTE.matcher(located).replaceAll("");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Parses a body that must be a JSON object with no fields but {@code allowed}. */
    public ObjectNode object(byte[] body, Set<String> allowed) {
        if (body != null && body.length > limit) {
            throw new BodyTooLargeException("request body is " + body.length + " bytes; the limit is " + limit);
        }
        if (body == null || body.length == 0) {
            throw new InvalidInputException("request body is empty; a JSON object is required", "");
        }
        JsonNode node;
        try (JsonParser parser = mapper.createParser(body)) {
            node = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new InvalidInputException("malformed JSON" + at(parser.currentTokenLocation())
                        + ": more content after the request's JSON value", "");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("malformed JSON" + at(e.getLocation()) + ": "
                    + withoutParserNotes(e.getOriginalMessage()), "");
        } catch (IOException e) {
            throw new InvalidInputException("unreadable request body", "");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("request body must be a JSON object", "");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException("unknown field " + name + "; allowed: " + String.join(", ",
                        new java.util.TreeSet<>(allowed)), "/" + name);
            }
        }
        return (ObjectNode) node;
    }

    /** A required string field. */
    public static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(field + " is required", "/" + field);
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field + " must be a string, got " + value.getNodeType(), "/" + field);
        }
        return value.textValue();
    }

    /** A required finite number field. */
    public static double requiredNumber(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(field + " is required", "/" + field);
        }
        return finiteNumber(value, field, "/" + field);
    }

    static double finiteNumber(JsonNode value, String what, String pointer) {
        if (!value.isNumber()) {
            throw new InvalidInputException(what + " must be a number, got " + value.getNodeType(), pointer);
        }
        double x = value.doubleValue();
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(what + " must be a finite number", pointer);
        }
        return x;
    }
}
