package dev.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;

/** Small helpers over RestAssured for the HTTP contract tests. */
public final class Api {

    private Api() {
    }

    /** A policy name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse put(String name, String body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/policies/" + name).then();
    }

    public static ValidatableResponse select(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/select").then();
    }

    public static ValidatableResponse feedback(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/feedback").then();
    }

    public static ValidatableResponse view(String name) {
        return given().when().get("/policies/" + name).then();
    }

    /** Selects for {@code policy} with {@code context} (JSON) and returns the decision id. */
    public static String decide(String policy, String context) {
        return select("{\"policy\":\"" + policy + "\",\"context\":" + context + "}")
                .statusCode(200).extract().path("decisionId");
    }

    public static Map<String, Object> viewMap(String name) {
        return view(name).statusCode(200).extract().jsonPath().getMap("");
    }
}
