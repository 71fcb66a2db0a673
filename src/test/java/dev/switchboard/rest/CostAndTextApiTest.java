package dev.switchboard.rest;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.isOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.store.DecisionStore;
import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cost-aware choice ({@code costWeight}, {@code maxCost}), prompt text, and feature crosses over HTTP. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CostAndTextApiTest {

    private static final String ARMS = "[{\"id\":\"premium\",\"cost\":10},{\"id\":\"budget\",\"cost\":1},\"free\"]";

    @Inject
    DecisionStore decisions;

    @Test
    void sharedParamsAppearInTheViewWithTheirDefaults() {
        String name = uniqueName("params");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":" + ARMS + ",\"params\":{\"costWeight\":0.3,"
                + "\"interactions\":[[\"task\",\"lang\"]]}}").statusCode(201)
                .body("params.costWeight", equalTo(0.3f))
                .body("params.interactions", equalTo(List.of(List.of("task", "lang"))))
                .body("params.drift", equalTo(0.03f))
                .body("params.learnPriors", equalTo(true))
                .body("params.epsilon", equalTo(0.005f));
        put(uniqueName("defaults"), "{\"algorithm\":\"thompson\",\"arms\":[\"a\"]}").statusCode(201)
                .body("params.costWeight", equalTo(0f));
    }

    @Test
    void badSharedParamsAreRejectedAndNothingIsCreated() {
        String name = uniqueName("bad-params");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"costWeight\":-1}}").statusCode(400)
                .body("pointer", equalTo("/params/costWeight"));
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"interactions\":[[\"task\"]]}}")
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("interactions"))
                .body("pointer", equalTo("/params/interactions"));
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"a\"],\"params\":{\"interactions\":[]}}").statusCode(400)
                .body("pointer", equalTo("/params/interactions"));
        put(name, "{\"algorithm\":\"lin-ts\",\"arms\":[\"a\"],\"params\":{\"learnPriors\":\"yes\"}}")
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("learnPriors must be true or false"))
                .body("pointer", equalTo("/params/learnPriors"));
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\"],\"params\":{\"a/b\":1}}").statusCode(400)
                .body("pointer", equalTo("/params/a~1b"));
        Api.view(name).statusCode(404);
    }

    @Test
    void maxCostLeavesOutArmsThatCostMoreAndArmsWithoutACostAreFree() {
        String name = uniqueName("max-cost");
        put(name, "{\"algorithm\":\"epsilon-greedy\",\"arms\":" + ARMS + ",\"params\":{\"epsilon\":1}}")
                .statusCode(201);
        for (int i = 0; i < 30; i++) {
            Api.select("{\"policy\":\"" + name + "\",\"maxCost\":1}").statusCode(200)
                    .body("arm", isOneOf("budget", "free"));
        }
        Api.select("{\"policy\":\"" + name + "\",\"maxCost\":0,\"arms\":[\"premium\",\"free\"]}").statusCode(200)
                .body("arm", equalTo("free"));
    }

    @Test
    void aMaxCostNoCandidateMeetsIs422AndLogsNothing() {
        String name = uniqueName("too-cheap");
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[{\"id\":\"a\",\"cost\":2},{\"id\":\"b\",\"cost\":3}]}")
                .statusCode(201);
        Api.select("{\"policy\":\"" + name + "\",\"maxCost\":1}").statusCode(422)
                .contentType("application/problem+json").body("pointer", equalTo("/maxCost"));
        Api.select("{\"policy\":\"" + name + "\",\"maxCost\":-1}").statusCode(400)
                .body("pointer", equalTo("/maxCost"));
        Api.select("{\"policy\":\"" + name + "\",\"maxCost\":\"cheap\"}").statusCode(400);
        Api.view(name).statusCode(200).body("decisions", equalTo(0));
    }

    @Test
    void aHighCostWeightPrefersTheCheapArmWhenQualityIsEqual() {
        String name = uniqueName("cost-weight");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[{\"id\":\"premium\",\"cost\":10},{\"id\":\"budget\","
                + "\"cost\":1}],\"params\":{\"costWeight\":0.5,\"epsilon\":0}}").statusCode(201);
        for (int i = 0; i < 40; i++) {
            String id = Api.decide(name, "{\"task\":\"chat\"}");
            Api.feedback("{\"decisionId\":\"" + id + "\",\"reward\":0.9}").statusCode(200);
        }
        Api.select("{\"policy\":\"" + name + "\",\"context\":{\"task\":\"chat\"}}").statusCode(200)
                .body("arm", equalTo("budget"));
        Map<String, Object> view = Api.viewMap(name);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> arms = (List<Map<String, Object>>) view.get("arms");
        assertEquals(10.0, ((Number) arms.get(0).get("cost")).doubleValue());
        assertTrue(arms.stream().allMatch(a -> a.containsKey("meanReward")), arms.toString());
    }

    @Test
    void textIsLearnedFromButOnlyItsSummaryIsStored() {
        String name = uniqueName("text");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        String id = Api.decide(name, "{\"task\":\"code\",\"text\":\"def secret_sauce(x):\\n    return x * 42\"}");
        String stored = QuarkusTransaction.requiringNew().call(() -> decisions.find(UUID.fromString(id)))
                .orElseThrow().context();
        assertFalse(stored.contains("secret"), stored);
        assertTrue(stored.matches(".*\"code\":\\s*true.*"), stored);
        Api.feedback("{\"decisionId\":\"" + id + "\",\"reward\":1}").statusCode(200);
        Api.view(name).statusCode(200).body("rewards", equalTo(1));
    }

    @Test
    void aTextSummaryCanBeSentInsteadOfThePrompt() {
        String name = uniqueName("summary");
        put(name, "{\"algorithm\":\"lin-ts\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        Api.select("{\"policy\":\"" + name + "\",\"context\":{\"text\":{\"chars\":120,\"code\":false,"
                + "\"math\":true,\"words\":[3,17,40]}}}").statusCode(200);
        Api.select("{\"policy\":\"" + name + "\",\"context\":{\"text\":{\"chars\":120,\"code\":false,"
                + "\"math\":true,\"words\":[64]}}}").statusCode(400).body("pointer", equalTo("/context/text"));
        Api.select("{\"policy\":\"" + name + "\",\"context\":{\"text\":42}}").statusCode(400)
                .body("pointer", equalTo("/context/text"));
        Api.view(name).statusCode(200).body("decisions", equalTo(1))
                .body("params", hasEntry(equalTo("interactions"), equalTo(List.of(List.of("*", "*")))));
    }
}
