package dev.switchboard.service;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A policy dropped from memory and loaded again (as at a restart) continues from exactly what it had learned. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LearnedStateReloadTest {

    @Inject
    PolicyRegistry registry;

    @Inject
    LearnedStateKeeper keeper;

    @Test
    void reloadFromSnapshotPlusReplayEqualsTheLiveState() {
        String name = uniqueName("reload");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\",\"c\"]}").statusCode(201);
        SplittableRandom rng = new SplittableRandom(3);
        play(name, rng, 30);
        keeper.writeSnapshots();
        play(name, rng, 30);

        Map<String, Object> before = Api.viewMap(name);
        byte[] stateBefore = registry.byName(name).orElseThrow().model().snapshot();
        registry.unregister(name);
        registry.loadAll();

        assertEquals(before, Api.viewMap(name));
        assertEquals(java.util.Arrays.toString(stateBefore),
                java.util.Arrays.toString(registry.byName(name).orElseThrow().model().snapshot()));
    }

    private static void play(String name, SplittableRandom rng, int rounds) {
        String[] tasks = {"code", "chat"};
        for (int i = 0; i < rounds; i++) {
            String task = tasks[rng.nextInt(2)];
            var answer = Api.select("{\"policy\":\"" + name + "\",\"context\":{\"task\":\"" + task
                    + "\",\"promptTokens\":" + (100 + rng.nextInt(5000)) + "}}").statusCode(200).extract();
            double reward = answer.path("arm").equals(task.equals("code") ? "a" : "b") ? 1 : 0.2;
            Api.feedback("{\"decisionId\":\"" + answer.path("decisionId") + "\",\"reward\":" + reward + "}")
                    .statusCode(200);
        }
    }
}
