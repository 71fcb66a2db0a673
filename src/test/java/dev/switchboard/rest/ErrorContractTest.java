package dev.switchboard.rest;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error row of API.md: the status, a problem+json body without Java internals, and no change of state. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ErrorContractTest {

    private String policy;
    private String decision;

    @BeforeEach
    void createPolicyWithOneDecision() {
        policy = uniqueName("errors");
        put(policy, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        decision = Api.decide(policy, "{\"task\":\"code\"}");
    }

    @ParameterizedTest(name = "PUT {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\"                                   | 400",
        "{\"arms\":[\"a\"]}                                                          | 400",
        "{\"algorithm\":7,\"arms\":[\"a\"]}                                          | 400",
        "{\"algorithm\":\"nope\",\"arms\":[\"a\"]}                                   | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"gamma\":1}}        | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"alpha\":-1}}       | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"alpha\":\"x\"}}    | 400",
        "{\"algorithm\":\"epsilon-greedy\",\"arms\":[\"a\"],\"params\":{\"epsilon\":2}} | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[]}                                      | 400",
        "{\"algorithm\":\"linucb\",\"arms\":\"a\"}                                   | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"bad id!\"]}                           | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"a\"]}                           | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[{\"id\":\"a\",\"cost\":-1}]}            | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[{\"cost\":1}]}                          | 400",
        "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"extra\":1}                     | 400",
        "[1,2]                                                                       | 400",
    })
    void rejectsBadPolicyDefinitions(String body, int status) {
        String name = uniqueName("bad");
        put(name, body).statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("java.")));
        Api.view(name).statusCode(404);
    }

    @Test
    void rejectsABadUpdateWithoutChangingThePolicy() {
        Map<String, Object> before = Api.viewMap(policy);
        put(policy, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"c\"],\"params\":{\"alpha\":-3}}").statusCode(400);
        assertEquals(before, Api.viewMap(policy));
    }

    @ParameterizedTest(name = "select {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"policy\":\"POLICY\",\"context\":{\"task\":                          | 400",
        "{\"context\":{}}                                                       | 400",
        "{\"policy\":5}                                                         | 400",
        "{\"policy\":\"POLICY\",\"context\":[1]}                                | 400",
        "{\"policy\":\"POLICY\",\"context\":{\"nested\":{\"a\":1}}}             | 400",
        "{\"policy\":\"POLICY\",\"context\":{\"list\":[1]}}                     | 400",
        "{\"policy\":\"POLICY\",\"context\":{\"big\":1e999}}                    | 400",
        "{\"policy\":\"POLICY\",\"arms\":[]}                                    | 400",
        "{\"policy\":\"POLICY\",\"arms\":[\"bad id!\"]}                         | 400",
        "{\"policy\":\"POLICY\",\"arms\":[\"zzz\"]}                             | 404",
        "{\"policy\":\"no-such-policy\"}                                        | 404",
    })
    void rejectsBadSelections(String body, int status) {
        long decisions = decisions();
        Api.select(body.replace("POLICY", policy)).statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", notNullValue());
        assertEquals(decisions, decisions());
    }

    @Test
    void malformedJsonSaysWhereWithoutTheParsersNotes() {
        Api.select("{\"policy\":\"" + policy + "\",\"context\":{\"task\":\"code\"").statusCode(400)
                .body("detail", startsWith("malformed JSON at line 1, column"))
                .body("detail", containsString("start marker at line 1, column"))
                .body("detail", not(containsString("Source"))).body("detail", not(containsString("StreamReadFeature")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two objects        | {\"policy\":\"POLICY\"} {\"policy\":\"POLICY\"} | more content after the request's JSON value",
        "a key twice        | {\"policy\":\"POLICY\",\"policy\":\"POLICY\"}                 | Duplicate field 'policy'",
        "NaN                | {\"policy\":\"POLICY\",\"context\":{\"x\":NaN}}    | Non-standard token 'NaN'",
        "deep nesting       | DEEP                                                         | nesting depth (1001) exceeds the maximum allowed (1000)",
        "a 2,000-digit number | LONG                                                       | Number value length (2000) exceeds the maximum allowed (1000)",
    })
    void malformedJsonIsSaidInTermsOfTheRequestNotOfTheParsersSettings(String what, String body, String detail) {
        String request = body.replace("POLICY", policy)
                .replace("DEEP", "{\"context\":" + "[".repeat(1001) + "]".repeat(1001) + "}")
                .replace("LONG", "{\"context\":{\"x\":" + "9".repeat(2000) + "}}");
        Api.select(request).statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON")).body("detail", containsString(detail))
                .body("detail", not(containsString("`"))).body("detail", not(containsString("fasterxml")));
    }

    @Test
    void rejectsMoreThan256Features() {
        StringBuilder context = new StringBuilder("{");
        for (int i = 0; i < 257; i++) {
            context.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
        }
        Api.select("{\"policy\":\"" + policy + "\",\"context\":" + context + "}}").statusCode(400)
                .body("detail", containsString("256"));
    }

    @ParameterizedTest(name = "feedback {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"decisionId\":\"DECISION\",\"reward\":                | 400",
        "{\"reward\":0.5}                                        | 400",
        "{\"decisionId\":\"DECISION\"}                           | 400",
        "{\"decisionId\":\"DECISION\",\"reward\":\"0.5\"}        | 400",
        "{\"decisionId\":\"not-a-uuid\",\"reward\":0.5}          | 400",
        "{\"decisionId\":\"DECISION\",\"reward\":1e999}          | 400",
        "{\"decisionId\":\"DECISION\",\"reward\":1.5}            | 422",
        "{\"decisionId\":\"DECISION\",\"reward\":-0.1}           | 422",
        "{\"decisionId\":\"UNKNOWN\",\"reward\":0.5}             | 404",
    })
    void rejectsBadFeedbackWithoutLearning(String body, int status) {
        Map<String, Object> before = Api.viewMap(policy);
        Api.feedback(body.replace("DECISION", decision).replace("UNKNOWN", UUID.randomUUID().toString()))
                .statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        assertEquals(before, Api.viewMap(policy));
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":0.5}").statusCode(200);
    }

    @Test
    void rejectsASecondFeedbackForTheSameDecision() {
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":1}").statusCode(200);
        Map<String, Object> before = Api.viewMap(policy);
        Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":0}").statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        assertEquals(before, Api.viewMap(policy));
        assertEquals(1, ((Number) before.get("rewards")).intValue());
    }

    @Test
    void rejectsABodyOverTheLimitWith413() {
        String big = "{\"policy\":\"" + policy + "\",\"context\":{\"x\":\"" + "a".repeat(70_000) + "\"}}";
        long decisions = decisions();
        given().contentType(ContentType.JSON).body(big).when().post("/select").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(decisions, decisions());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().when().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/select").then().statusCode(405).contentType("application/problem+json");
    }

    private long decisions() {
        return ((Number) Api.viewMap(policy).get("decisions")).longValue();
    }
}
