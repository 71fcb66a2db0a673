package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a user runs it, with no database configured: it starts its embedded PostgreSQL in the data
 * directory, survives a SIGKILL with everything it learned, and on SIGTERM stops leaving no database behind.
 */
class PackagedServiceIT {

    @Test
    void keepsLearnedStateAcrossSigkillAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-it");
        Map<String, String> environment = new HashMap<>();
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", null);
        ServiceProcess first = new ServiceProcess(ServiceProcess.freePort(), environment,
                dataDir.resolveSibling(dataDir.getFileName() + ".log")).start();
        first.ok("PUT", "/policies/router", "{\"algorithm\":\"linucb\",\"arms\":[\"coder\",\"chatter\"]}");
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 150; i++) {
            boolean code = rng.nextBoolean();
            JsonNode answer = first.ok("POST", "/select",
                    "{\"policy\":\"router\",\"context\":{\"task\":\"" + (code ? "code" : "chat") + "\"}}");
            boolean right = answer.get("arm").asText().equals(code ? "coder" : "chatter");
            first.ok("POST", "/feedback", "{\"decisionId\":\"" + answer.get("decisionId").asText()
                    + "\",\"reward\":" + (right ? 1 : 0) + "}");
        }
        JsonNode before = first.ok("GET", "/policies/router", null);
        first.kill();

        ServiceProcess second = new ServiceProcess(first.port, environment,
                dataDir.resolveSibling(dataDir.getFileName() + ".log")).start();
        assertEquals(before, second.ok("GET", "/policies/router", null));
        for (String task : new String[] {"code", "chat"}) {
            JsonNode answer = second.ok("POST", "/select", "{\"policy\":\"router\",\"context\":{\"task\":\"" + task + "\"}}");
            assertEquals(task.equals("code") ? "coder" : "chatter", answer.get("arm").asText());
        }
        assertTrue(second.terminate(Duration.ofSeconds(60)), "the service stops on SIGTERM");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the embedded database was stopped");
    }
}
