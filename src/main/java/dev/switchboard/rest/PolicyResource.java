package dev.switchboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.service.Identifiers;
import dev.switchboard.service.InvalidInputException;
import dev.switchboard.service.Json;
import dev.switchboard.service.PolicyDraft;
import dev.switchboard.service.PolicyService;
import dev.switchboard.service.PolicyView;
import dev.switchboard.service.UnknownEntityException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final Set<String> FIELDS = Set.of("algorithm", "arms", "params");

    private final PolicyService policies;
    private final RequestBodies bodies;

    PolicyResource(PolicyService policies, RequestBodies bodies) {
        this.policies = policies;
        this.bodies = bodies;
    }

    @GET
    @Operation(summary = "Every policy with what it has learned")
    public List<PolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("/{name: .+}")
    @Operation(summary = "What one policy has learned")
    @APIResponse(responseCode = "200", description = "the policy view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyView.class)))
    public PolicyView get(@PathParam("name") String name) {
        return policies.view(name).orElseThrow(() -> missing(name));
    }

    @PUT
    @Path("/{name: .+}")
    @Operation(summary = "Create a policy, or change its arms and params (learned state kept)")
    @APIResponse(responseCode = "201", description = "created; the policy view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "200", description = "updated; the policy view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyView.class)))
    public Response put(@PathParam("name") String name, @RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PolicyDefinition"))) byte[] body) {
        Identifiers.require(name, "policy name", null);
        PolicyService.PutResult result = policies.put(name, draft(bodies.object(body, FIELDS)));
        return result.created()
                ? Response.created(URI.create("/policies/" + name)).entity(result.view()).build()
                : Response.ok(result.view()).build();
    }

    @DELETE
    @Path("/{name: .+}")
    @Operation(summary = "Delete a policy and all it learned")
    @APIResponse(responseCode = "204", description = "deleted, with its decisions, feedback and learned state")
    public Response delete(@PathParam("name") String name) {
        if (!policies.delete(name)) {
            throw missing(name);
        }
        return Response.noContent().build();
    }

    private static UnknownEntityException missing(String name) {
        return new UnknownEntityException("policy " + name + " does not exist");
    }

    static PolicyDraft draft(ObjectNode body) {
        String algorithm = RequestBodies.requiredText(body, "algorithm");
        JsonNode arms = body.get("arms");
        if (arms == null || arms.isNull()) {
            throw new InvalidInputException("arms is required", "/arms");
        }
        if (!arms.isArray() || arms.isEmpty()) {
            throw new InvalidInputException("arms must be a non-empty array", "/arms");
        }
        List<PolicyDraft.Arm> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            PolicyDraft.Arm arm = arm(arms.get(i), "/arms/" + i);
            if (!seen.add(arm.id())) {
                throw new InvalidInputException("arm " + arm.id() + " is listed twice", "/arms/" + i);
            }
            parsed.add(arm);
        }
        JsonNode params = body.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new InvalidInputException("params must be a JSON object", "/params");
        }
        return new PolicyDraft(algorithm, parsed, params == null || params.isNull() ? Map.of() : toMap(params));
    }

    private static PolicyDraft.Arm arm(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return new PolicyDraft.Arm(Identifiers.require(node.textValue(), "arm id", pointer), null, null);
        }
        if (!node.isObject()) {
            throw new InvalidInputException("an arm is a string id or an object with an id", pointer);
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual()) {
            throw new InvalidInputException("an arm object needs a string id", pointer + "/id");
        }
        Identifiers.require(id.textValue(), "arm id", pointer + "/id");
        Double cost = null;
        JsonNode costNode = node.get("cost");
        if (costNode != null && !costNode.isNull()) {
            cost = RequestBodies.finiteNumber(costNode, "cost", pointer + "/cost");
            if (cost < 0) {
                throw new InvalidInputException("cost must be >= 0, got " + cost, pointer + "/cost");
            }
        }
        ObjectNode metadata = ((ObjectNode) node).deepCopy();
        metadata.remove("id");
        metadata.remove("cost");
        return new PolicyDraft.Arm(id.textValue(), cost, metadata.isEmpty() ? null : metadata.toString());
    }

    private static Map<String, Object> toMap(JsonNode params) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            if (param.getValue().isNumber() && !Double.isFinite(param.getValue().doubleValue())) {
                throw new InvalidInputException("param " + param.getKey() + " must be finite",
                        InvalidInputException.member("/params", param.getKey()));
            }
        }
        return Json.toMap(params);
    }
}
