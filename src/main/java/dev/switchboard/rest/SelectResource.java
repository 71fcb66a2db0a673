package dev.switchboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.service.DecisionService;
import dev.switchboard.service.Identifiers;
import dev.switchboard.service.InvalidInputException;
import dev.switchboard.service.SelectResult;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/select")
@Produces(MediaType.APPLICATION_JSON)
public class SelectResource {

    private static final Set<String> FIELDS = Set.of("policy", "context", "arms", "maxCost");

    private final DecisionService decisions;
    private final RequestBodies bodies;

    SelectResource(DecisionService decisions, RequestBodies bodies) {
        this.decisions = decisions;
        this.bodies = bodies;
    }

    /** On the event loop: choosing touches only memory, and the decision log is written by a group commit. */
    @POST
    @NonBlocking
    @Operation(summary = "Choose the arm (model) for a context; the decision is logged with its propensity")
    @APIResponse(responseCode = "200", description = "the chosen arm, its propensity and every candidate's score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SelectResult.class)))
    public CompletionStage<SelectResult> select(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SelectRequest"))) byte[] body) {
        ObjectNode request = bodies.object(body, FIELDS);
        String policy = RequestBodies.requiredText(request, "policy");
        Identifiers.require(policy, "policy", "/policy");
        return decisions.select(policy, request.get("context"), arms(request.get("arms")),
                maxCost(request.get("maxCost")));
    }

    private static Double maxCost(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
            throw new InvalidInputException("maxCost must be a finite number ≥ 0", "/maxCost");
        }
        return node.doubleValue();
    }

    private static List<String> arms(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("arms must be a non-empty array of arm ids", "/arms");
        }
        List<String> arms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode arm = node.get(i);
            if (!arm.isTextual()) {
                throw new InvalidInputException("arm ids are strings", "/arms/" + i);
            }
            Identifiers.require(arm.textValue(), "arm id", "/arms/" + i);
            if (seen.add(arm.textValue())) {
                arms.add(arm.textValue());
            }
        }
        return arms;
    }
}
