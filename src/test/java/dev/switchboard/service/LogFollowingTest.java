package dev.switchboard.service;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.store.DecisionRecord;
import dev.switchboard.store.DecisionStore;
import dev.switchboard.store.FeedbackStore;
import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feedback committed by another path (another replica) is folded in by {@link PolicyRegistry#synchronise()}. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LogFollowingTest {

    @Inject
    PolicyRegistry registry;

    @Inject
    DecisionStore decisions;

    @Inject
    FeedbackStore feedback;

    @Test
    void foldsInFeedbackThatAnotherInstanceCommitted() {
        String name = uniqueName("follow");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        UUID decision = UUID.fromString(Api.decide(name, "{\"task\":\"code\"}"));
        QuarkusTransaction.requiringNew().run(() -> {
            DecisionRecord record = decisions.find(decision).orElseThrow();
            assertTrue(feedback.insert(record, 0.75).isPresent());
        });
        assertEquals(0, ((Number) Api.viewMap(name).get("rewards")).intValue());

        registry.synchronise();

        assertEquals(1, ((Number) Api.viewMap(name).get("rewards")).intValue());
        assertEquals(0.75, ((Number) Api.viewMap(name).get("meanReward")).doubleValue(), 1e-6);
    }
}
