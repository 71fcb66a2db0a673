package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as a user runs it, in a process of its own, on a port of its own. */
final class ServiceProcess {

    /** An HTTP answer: its status, its {@code Retry-After} header (or null) and its body as JSON (or null). */
    record Answer(int status, String retryAfter, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /** @param environment added to this process's environment ({@code null} values are removed from it) */
    ServiceProcess(int port, Map<String, String> environment, Path log) {
        this.port = port;
        this.environment = environment;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until it is ready. */
    ServiceProcess start() throws Exception {
        launch();
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Starts the jar without waiting. */
    void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        process = builder.start();
    }

    void awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready()) {
                return;
            }
            assertTrue(process.isAlive(), "the service on port " + port + " exited; see " + log);
            Thread.sleep(100);
        }
        throw new AssertionError("the service on port " + port + " was not ready within " + patience + "; see " + log);
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit. */
    boolean terminate(Duration patience) throws InterruptedException {
        sigterm();
        return awaitExit(patience);
    }

    /** SIGTERM, without waiting. */
    void sigterm() {
        process.destroy();
    }

    boolean awaitExit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Sends a request; an I/O failure (the process is gone, the connection was reset) is thrown. */
    Answer call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!response.body().isEmpty()) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), json);
    }

    /** {@link #call} that must succeed (2xx); returns the body. */
    JsonNode ok(String method, String path, String body) throws IOException, InterruptedException {
        Answer answer = call(method, path, body);
        assertTrue(answer.status() < 300, method + " " + path + " on port " + port + " answered " + answer);
        return answer.body();
    }
}
