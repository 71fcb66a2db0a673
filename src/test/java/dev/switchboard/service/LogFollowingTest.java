package dev.switchboard.service;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.switchboard.store.FeedbackBatch;
import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feedback committed by another path (another replica) is folded in by {@link PolicyRegistry#synchronise()}. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LogFollowingTest {

    @Inject
    PolicyRegistry registry;

    @Inject
    AgroalDataSource dataSource;

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
}
