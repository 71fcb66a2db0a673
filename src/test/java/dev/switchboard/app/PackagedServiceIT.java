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
 * directory, survives a SIGKILL with everything it learned, and on SIGTERM stops leaving no database behind, after
 * the shutdown delay that k8s/switchboard.yaml sets (not ready, still answering).
 */
class PackagedServiceIT {

    /** Long enough that the readiness probe and a select both fit in it on a slow machine. */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);

    /** Polls readiness for up to the shutdown delay; returns the first answer that is {@code expected}, or the last. */
    private static int awaitReadiness(ServiceProcess service, int expected) throws Exception {
        long deadline = System.nanoTime() + SHUTDOWN_DELAY.toNanos();
        int status;
        do {
            status = service.call("GET", "/q/health/ready", null).status();
            if (status == expected) {
                return status;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return status;
    }

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

        environment.put("QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toSeconds() + "s");
        ServiceProcess second = new ServiceProcess(first.port, environment,
                dataDir.resolveSibling(dataDir.getFileName() + ".log")).start();
        assertEquals(before, second.ok("GET", "/policies/router", null));
        for (String task : new String[] {"code", "chat"}) {
            JsonNode answer = second.ok("POST", "/select", "{\"policy\":\"router\",\"context\":{\"task\":\"" + task + "\"}}");
            assertEquals(task.equals("code") ? "coder" : "chatter", answer.get("arm").asText());
        }
        second.sigterm();
        assertEquals(503, awaitReadiness(second, 503), "not ready once SIGTERM arrived");
        assertEquals(200, second.call("POST", "/select", "{\"policy\":\"router\",\"context\":{}}").status(),
                "still answering during the shutdown delay");
        assertTrue(second.awaitExit(Duration.ofSeconds(60)), "the service stops on SIGTERM");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the embedded database was stopped");
    }
}
