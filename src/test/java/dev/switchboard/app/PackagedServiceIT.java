package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a user runs it, with no database configured: it starts its embedded PostgreSQL in the data
 * directory, survives a SIGKILL with everything it learned, and on SIGTERM stops leaving no database behind.
 */
class PackagedServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsLearnedStateAcrossSigkillAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-it");
        int port = freePort();
        Process first = start(dataDir, port);
        call("PUT", port, "/policies/router", "{\"algorithm\":\"linucb\",\"arms\":[\"coder\",\"chatter\"]}");
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 150; i++) {
            boolean code = rng.nextBoolean();
            JsonNode answer = call("POST", port, "/select",
                    "{\"policy\":\"router\",\"context\":{\"task\":\"" + (code ? "code" : "chat") + "\"}}");
            boolean right = answer.get("arm").asText().equals(code ? "coder" : "chatter");
            call("POST", port, "/feedback", "{\"decisionId\":\"" + answer.get("decisionId").asText()
                    + "\",\"reward\":" + (right ? 1 : 0) + "}");
        }
        JsonNode before = call("GET", port, "/policies/router", null);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process second = start(dataDir, port);
        JsonNode after = call("GET", port, "/policies/router", null);
        assertEquals(before, after);
        for (String task : new String[] {"code", "chat"}) {
            JsonNode answer = call("POST", port, "/select",
                    "{\"policy\":\"router\",\"context\":{\"task\":\"" + task + "\"}}");
            assertEquals(task.equals("code") ? "coder" : "chatter", answer.get("arm").asText());
        }
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the service stops on SIGTERM");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the embedded database was stopped");
    }

    private Process start(Path dataDir, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(process.isAlive(), "the service exited during start");
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready in 90 s");
    }

    private JsonNode call(String method, int port, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
