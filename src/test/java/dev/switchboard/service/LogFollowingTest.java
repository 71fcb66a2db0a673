package dev.switchboard.service;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.DecisionBatch;
import dev.switchboard.store.FeedbackBatch;
import dev.switchboard.store.PolicyRecord;
import dev.switchboard.store.PolicyStore;
import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Feedback committed by another path (another replica), and definitions changed by another replica, are taken up by
 * {@link PolicyRegistry#synchronise()}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LogFollowingTest {

    @Inject
    PolicyRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PolicyStore policies;

    @Test
    void foldsInFeedbackThatAnotherInstanceCommitted() throws Exception {
        String name = uniqueName("follow");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        UUID decision = UUID.fromString(Api.decide(name, "{\"task\":\"code\"}"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<FeedbackBatch.Outcome> outcomes = FeedbackBatch.write(connection,
                    List.of(new FeedbackBatch.Item(decision, 0.75, Instant.now())));
            connection.commit();
            assertInstanceOf(FeedbackBatch.Stored.class, outcomes.get(0));
        }
        assertEquals(0, ((Number) Api.viewMap(name).get("rewards")).intValue());

        registry.synchronise();

        assertEquals(1, ((Number) Api.viewMap(name).get("rewards")).intValue());
        assertEquals(0.75, ((Number) Api.viewMap(name).get("meanReward")).doubleValue(), 1e-6);
    }

    @Test
    void takesUpArmsAndParamsThatAnotherInstanceChanged() {
        String name = uniqueName("redefined");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        PolicyRecord stored = changeElsewhere(name, "{\"alpha\":1.0}", List.of(new ArmRecord(0, "a", null, null, false),
                new ArmRecord(1, "b", null, null, true), new ArmRecord(2, "c", 0.5, null, true)));
        Api.select("{\"policy\":\"" + name + "\",\"arms\":[\"c\"]}").statusCode(404);

        registry.synchronise();

        Api.view(name).statusCode(200).body("version", equalTo(stored.version())).body("params.alpha", equalTo(1.0f))
                .body("arms.id", contains("a", "b", "c")).body("arms.status", contains("retired", "active", "active"))
                .body("arms[2].cost", equalTo(0.5f));
        Api.select("{\"policy\":\"" + name + "\",\"arms\":[\"c\"]}").statusCode(200).body("arm", equalTo("c"));
        Api.select("{\"policy\":\"" + name + "\",\"arms\":[\"a\"]}").statusCode(404);
    }

    @Test
    void learnsARewardForAnArmAnotherInstanceAddedBeforeItsDefinitionArrivesHere() throws Exception {
        String name = uniqueName("new-arm-elsewhere");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        PolicyRecord stored = changeElsewhere(name, "{}", List.of(new ArmRecord(0, "a", null, null, true),
                new ArmRecord(1, "b", null, null, true), new ArmRecord(2, "c", null, null, true)));
        UUID decisionForC = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            DecisionBatch.insert(connection, List.of(new DecisionBatch.Row(decisionForC, stored.id(), 2, 1.0,
                    "{\"task\":\"code\"}", stored.version(), Instant.now())), 0);
        }

        Api.feedback("{\"decisionId\":\"" + decisionForC + "\",\"reward\":1}").statusCode(200);
        Api.feedback("{\"decisionId\":\"" + Api.decide(name, "{\"task\":\"code\"}") + "\",\"reward\":0}")
                .statusCode(200);
        registry.synchronise();

        Api.view(name).statusCode(200).body("rewards", equalTo(2)).body("arms[2].id", equalTo("c"))
                .body("arms[2].rewards", equalTo(1)).body("arms[2].meanReward", equalTo(1.0f));
    }

    @Test
    void dropsAPolicyThatAnotherInstanceDeletedWithItsMetrics() {
        String name = uniqueName("deleted-elsewhere");
        put(name, "{\"algorithm\":\"ucb1\",\"arms\":[\"only\"]}").statusCode(201);
        Api.decide(name, "{}");
        given().get("/q/metrics").then().body(containsString("policy=\"" + name + "\""));
        QuarkusTransaction.requiringNew().run(() -> policies.delete(name));

        registry.synchronise();

        Api.view(name).statusCode(404);
        given().get("/q/metrics").then().body(not(containsString("policy=\"" + name + "\"")));
    }

    /** What a PUT on another instance does: the store changes, this instance's live policy does not. */
    private PolicyRecord changeElsewhere(String name, String params, List<ArmRecord> arms) {
        return QuarkusTransaction.requiringNew().call(() -> policies.update(
                policies.findByName(name).orElseThrow().id(), params, stored -> arms).orElseThrow());
    }
}
