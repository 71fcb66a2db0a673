package dev.switchboard.rest;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SelectFeedbackApiTest {

    @Test
    void selectAnswersTheContractFields() {
        String name = uniqueName("select");
        put(name, "{\"algorithm\":\"lin-ts\",\"arms\":[\"gpt-4o\",\"claude-haiku\"]}").statusCode(201);
        Api.select("{\"policy\":\"" + name + "\",\"context\":{\"task\":\"code\",\"lang\":\"en\",\"promptTokens\":812,"
                        + "\"urgent\":true,\"note\":null}}")
                .statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("policy", equalTo(name))
                .body("arm", isOneOf("gpt-4o", "claude-haiku"))
                .body("probability", allOf(greaterThan(0f), lessThanOrEqualTo(1f)))
                .body("explore", isOneOf(true, false))
                .body("scores", allOf(hasKey("gpt-4o"), hasKey("claude-haiku")));
    }

    @Test
    void decisionIdsAreUnique() {
        String name = uniqueName("unique");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(Api.decide(name, "{}"));
        }
        assertEquals(50, ids.size());
    }

    @Test
    void armsLimitTheChoiceToASubset() {
        String name = uniqueName("subset");
        put(name, "{\"algorithm\":\"epsilon-greedy\",\"arms\":[\"a\",\"b\",\"c\"],\"params\":{\"epsilon\":1}}")
                .statusCode(201);
        for (int i = 0; i < 20; i++) {
            Api.select("{\"policy\":\"" + name + "\",\"arms\":[\"c\"]}").statusCode(200)
                    .body("arm", equalTo("c")).body("probability", equalTo(1f))
                    .body("scores.size()", equalTo(1));
        }
    }

    @Test
    void feedbackIsCountedInThePolicyView() {
        String name = uniqueName("feedback");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            String decision = Api.decide(name, "{\"task\":\"code\"}");
            double reward = i / 10.0;
            sum += reward;
            Api.feedback("{\"decisionId\":\"" + decision + "\",\"reward\":" + reward + "}").statusCode(200);
        }
        Map<String, Object> view = Api.viewMap(name);
        assertEquals(10, ((Number) view.get("decisions")).intValue());
        assertEquals(10, ((Number) view.get("rewards")).intValue());
        assertEquals(sum / 10, ((Number) view.get("meanReward")).doubleValue(), 1e-6);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> arms = (List<Map<String, Object>>) view.get("arms");
        int pulls = arms.stream().mapToInt(a -> ((Number) a.get("pulls")).intValue()).sum();
        assertEquals(10, pulls);
    }

    @Test
    void learnsTheBetterArmThroughTheApi() {
        String name = uniqueName("learns");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"good\",\"bad\"]}").statusCode(201);
        int goodInLastTwenty = 0;
        for (int i = 0; i < 60; i++) {
            var answer = Api.select("{\"policy\":\"" + name + "\",\"context\":{\"task\":\"code\"}}")
                    .statusCode(200).extract();
            boolean good = answer.path("arm").equals("good");
            if (i >= 40 && good) {
                goodInLastTwenty++;
            }
            Api.feedback("{\"decisionId\":\"" + answer.path("decisionId") + "\",\"reward\":" + (good ? 1 : 0) + "}")
                    .statusCode(200);
        }
        assertTrue(goodInLastTwenty >= 18, "chose the good arm " + goodInLastTwenty + " of the last 20 times");
    }
}
