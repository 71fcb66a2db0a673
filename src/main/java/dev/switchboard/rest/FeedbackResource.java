package dev.switchboard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.service.FeedbackService;
import dev.switchboard.service.InvalidInputException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private static final Set<String> FIELDS = Set.of("decisionId", "reward");

    private final FeedbackService feedback;
    private final RequestBodies bodies;

    FeedbackResource(FeedbackService feedback, RequestBodies bodies) {
        this.feedback = feedback;
        this.bodies = bodies;
    }

    /** On the event loop: the reward is written by the feedback log's group commit, which this waits for. */
    @POST
    @NonBlocking
    @Operation(summary = "Send the reward in [0, 1] for a decision; answers once it is durably stored")
    @APIResponse(responseCode = "200", description = "the reward is committed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FeedbackResult")))
    public CompletionStage<Map<String, Object>> record(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FeedbackRequest"))) byte[] body) {
        ObjectNode request = bodies.object(body, FIELDS);
        String id = RequestBodies.requiredText(request, "decisionId");
        double reward = RequestBodies.requiredNumber(request, "reward");
        UUID decisionId;
        try {
            decisionId = UUID.fromString(id);
            if (!decisionId.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException(id);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("decisionId must be a UUID as /select returned it", "/decisionId");
        }
        return feedback.record(decisionId, reward)
                .thenApply(stored -> Map.of("decisionId", decisionId.toString(), "reward", reward, "status", "stored"));
    }
}
