package dev.switchboard.rest;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OperationsTest {

    @Test
    void livenessAndReadinessAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database"));
    }

    @Test
    void metricsCountDecisionsAndFeedbackByPolicyAndArm() {
        String name = uniqueName("metered");
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"only\"]}").statusCode(201);
        String decision = Api.decide(name, "{}");
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":0.25}").statusCode(200);
        String tags = "{arm=\"only\",policy=\"" + name + "\"}";
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_decisions_total" + tags + " 1.0"))
                .body(containsString("switchboard_feedback_total" + tags + " 1.0"))
                .body(containsString("switchboard_reward_sum" + tags + " 0.25"))
                .body(containsString("switchboard_select_seconds_count{policy=\"" + name + "\"} 1"))
                .body(not(containsString(decision)));
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/policies/{name}"))
                .body(containsString("/select"))
                .body(containsString("/feedback"));
    }

    /** The resources read their bodies as bytes; the document must still say that they take JSON, and what JSON. */
    @Test
    void openApiDescribesTheJsonBodiesAndTheProblemAnswers() {
        String json = "content.'application/json'.schema.'$ref'";
        String problem = "content.'application/problem+json'.schema.'$ref'";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/select'.post.requestBody." + json, equalTo("#/components/schemas/SelectRequest"))
                .body("paths.'/feedback'.post.requestBody." + json, equalTo("#/components/schemas/FeedbackRequest"))
                .body("paths.'/policies/{name}'.put.requestBody." + json,
                        equalTo("#/components/schemas/PolicyDefinition"))
                .body("paths.'/select'.post.responses.'200'." + json, equalTo("#/components/schemas/SelectResult"))
                .body("paths.'/select'.post.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/feedback'.post.responses.'409'.'$ref'", equalTo("#/components/responses/Conflict"))
                .body("paths.'/policies/{name}'.delete.responses.'204'", notNullValue())
                .body("components.responses.BadRequest." + problem, equalTo("#/components/schemas/Problem"))
                .body("components.schemas.SelectRequest.required", hasItem("policy"))
                .body("components.schemas.FeedbackRequest.required", hasItems("decisionId", "reward"))
                .body("components.schemas.Problem.properties.pointer", notNullValue())
                .body(not(containsString("application/octet-stream")));
    }
}
