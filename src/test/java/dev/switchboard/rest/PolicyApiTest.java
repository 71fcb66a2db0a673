package dev.switchboard.rest;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static dev.switchboard.support.Api.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PolicyApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"epsilon-greedy", "ucb1", "thompson", "linucb", "lin-ts"})
    void createsAPolicyOfEveryAlgorithmWithDefaultParams(String algorithm) {
        String name = uniqueName(algorithm);
        put(name, "{\"algorithm\":\"" + algorithm + "\",\"arms\":[\"a\",\"b\"],\"params\":{}}")
                .statusCode(201)
                .header("Location", containsString("/policies/" + name))
                .body("name", equalTo(name))
                .body("algorithm", equalTo(algorithm))
                .body("decisions", equalTo(0))
                .body("arms.id", contains("a", "b"));
    }

    @Test
    void createsWithArmObjectsAndShowsTheirCost() {
        String name = uniqueName("costed");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"gpt-4o\",{\"id\":\"llama-70b\",\"cost\":0.4,\"vendor\":\"meta\"}],"
                + "\"params\":{\"alpha\":0.5}}")
                .statusCode(201)
                .body("params.alpha", equalTo(0.5f))
                .body("params.lambda", equalTo(1.0f))
                .body("arms[1].cost", equalTo(0.4f))
                .body("arms[0].cost", nullValue())
                .body("arms[1].status", equalTo("active"));
    }

    @Test
    void updateAnswers200KeepsLearnedStateAndRetiresArmsLeftOut() {
        String name = uniqueName("update");
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        String decision = Api.decide(name, "{}");
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":1}").statusCode(200);

        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"b\",\"c\"],\"params\":{\"c\":0.5}}")
                .statusCode(200)
                .body("version", equalTo(2))
                .body("rewards", equalTo(1))
                .body("params.c", equalTo(0.5f))
                .body("arms.id", contains("a", "b", "c"))
                .body("arms.status", contains("retired", "active", "active"));
        for (int i = 0; i < 20; i++) {
            Api.select("{\"policy\":\"" + name + "\"}").statusCode(200).body("arm", org.hamcrest.Matchers.not("a"));
        }
    }

    @Test
    void listsEveryPolicy() {
        String name = uniqueName("listed");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a\"]}").statusCode(201);
        given().when().get("/policies").then().statusCode(200).body("name", hasItem(name));
    }

    @Test
    void deleteRemovesThePolicyItsDecisionsAndItsMetrics() {
        String name = uniqueName("deleted");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\"]}").statusCode(201);
        String decision = Api.decide(name, "{\"task\":\"code\"}");
        given().get("/q/metrics").then().body(containsString("policy=\"" + name + "\""));
        given().when().delete("/policies/" + name).then().statusCode(204);
        view(name).statusCode(404).contentType("application/problem+json");
        given().get("/q/metrics").then().body(not(containsString("policy=\"" + name + "\"")));
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":1}").statusCode(404);
        given().when().delete("/policies/" + name).then().statusCode(404);
    }

    @Test
    void aPolicyNamedWithSlashesIsAddressedByItsNameAsAPath() {
        String name = "team/" + uniqueName("router") + "/v2";
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a\"]}").statusCode(201).body("name", equalTo(name));
        view(name).statusCode(200).body("name", equalTo(name));
        Api.select("{\"policy\":\"" + name + "\"}").statusCode(200).body("policy", equalTo(name));
        given().when().delete("/policies/" + name).then().statusCode(204);
        view(name).statusCode(404);
    }

    @Test
    void unknownPolicyIs404() {
        view(uniqueName("missing")).statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("does not exist"));
    }

    @Test
    void changingTheAlgorithmIsAConflict() {
        String name = uniqueName("algo");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\"]}").statusCode(201);
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"a\"]}").statusCode(409)
                .contentType("application/problem+json");
        view(name).body("algorithm", equalTo("linucb"));
    }
}
