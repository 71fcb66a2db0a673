package dev.switchboard.learning;

import dev.switchboard.learning.encoding.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes a {@link RoutingWorld} through a running Switchboard: arms {@code m0, m1, …} of one policy. */
final class HttpRouter implements RoutingWorld.Router {

    private static final Pattern DECISION = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPLORED = Pattern.compile("\"explore\"\\s*:\\s*true");
    private static final Pattern ARM = Pattern.compile("\"arm\"\\s*:\\s*\"m(\\d+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String policy;
    private final String algorithm;
    private final String params;
    private int arms;

    /** @param params the policy's params as a JSON object */
    HttpRouter(String base, String policy, String algorithm, String params) {
        this.base = base;
        this.policy = policy;
        this.algorithm = algorithm;
        this.params = params;
    }

    @Override
    public void ensureArms(int count) {
        if (count == arms) {
            return;
        }
        StringJoiner ids = new StringJoiner(",", "[", "]");
        for (int a = 0; a < count; a++) {
            ids.add("\"m" + a + "\"");
        }
        send("PUT", "/policies/" + policy, "{\"algorithm\":\"" + algorithm + "\",\"arms\":" + ids + ",\"params\":"
                + params + "}");
        arms = count;
    }

    @Override
    public RoutingWorld.Decision choose(Context context, int[] active) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, String> e : context.categorical().entrySet()) {
            json.add("\"" + e.getKey() + "\":\"" + e.getValue() + "\"");
        }
        for (Map.Entry<String, Double> e : context.numeric().entrySet()) {
            json.add("\"" + e.getKey() + "\":" + e.getValue());
        }
        String answer = send("POST", "/select", "{\"policy\":\"" + policy + "\",\"context\":" + json + "}");
        Matcher id = DECISION.matcher(answer);
        Matcher arm = ARM.matcher(answer);
        if (!id.find() || !arm.find()) {
            throw new IllegalStateException("unexpected /select answer: " + answer);
        }
        return new RoutingWorld.Decision(Integer.parseInt(arm.group(1)), EXPLORED.matcher(answer).find(),
                id.group(1));
    }

    @Override
    public void reward(RoutingWorld.Decision decision, double reward) {
        send("POST", "/feedback", "{\"decisionId\":\"" + decision.handle() + "\",\"reward\":" + reward + "}");
    }

    void delete() {
        send("DELETE", "/policies/" + policy, null);
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
