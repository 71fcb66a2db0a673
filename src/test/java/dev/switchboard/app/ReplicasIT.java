package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the packaged jar on one PostgreSQL, under concurrent select and feedback load from a client
 * that keeps a ledger of every acknowledged reward. On the way: an arm is added on one instance and every other takes
 * it up, one instance is SIGKILLed and restarted, one is SIGTERMed and restarted, and the database is stopped and
 * restarted. At the end every acknowledged reward is stored
 * exactly once, every replica counts exactly those, and every replica, a restart from a snapshot, and a clean replay
 * of the whole log all hold the same learned state.
 */
class ReplicasIT {

    private static final String POLICY = "replicated";
    private static final String[] TASKS = {"code", "chat", "math"};
    private static final String[] ARMS = {"coder", "chatter", "mathematician", "generalist", "newcomer"};
    private static final int LOAD_THREADS = 4;

    private final Path workDir;
    private final int databasePort = ServiceProcess.freePort();
    private EmbeddedDatabase database;
    private final List<ServiceProcess> replicas = new ArrayList<>();

    /** Decision id → the reward acknowledged (200) for it. */
    private final Map<String, Double> acknowledged = new ConcurrentHashMap<>();
    /** Feedback whose answer was lost or was 503: it may be retried, and must then be stored exactly once. */
    private final Map<String, Double> unsettled = new ConcurrentHashMap<>();
    private final Map<String, String> decidedArm = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unrewardedOfReplica1 = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean databaseAway = new AtomicBoolean();

    ReplicasIT() throws IOException {
        workDir = Files.createTempDirectory("switchboard-replicas");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ServiceProcess replica : replicas) {
            if (replica.alive()) {
                replica.kill();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void threeReplicasLoseNothingAcknowledgedThroughKillsAndADatabaseRestart() throws Exception {
        database = EmbeddedDatabase.start(workDir.resolve("db"), databasePort);
        for (int i = 0; i < 3; i++) {
            replicas.add(replica(ServiceProcess.freePort(), "replica-" + i));
        }
        for (ServiceProcess replica : replicas) {
            replica.launch();
        }
        for (ServiceProcess replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(120));
        }
        replicas.get(0).ok("PUT", "/policies/" + POLICY, "{\"algorithm\":\"linucb\",\"arms\":[\"coder\",\"chatter\","
                + "\"mathematician\",\"generalist\"]}");
        for (ServiceProcess replica : replicas) {
            awaitStatus(replica, "GET", "/policies/" + POLICY, null, 200, Duration.ofSeconds(2));
        }

        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        loading.set(true);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            long seed = t;
            workers.add(load.submit(() -> drive(new SplittableRandom(seed))));
        }
        Thread.sleep(3_000);

        // An arm added and a param changed on one replica under load: every replica offers the arm and shows the
        // param within the sync interval, and the rewards that race with the change are all taken.
        replicas.get(0).ok("PUT", "/policies/" + POLICY, "{\"algorithm\":\"linucb\",\"arms\":[\"coder\",\"chatter\","
                + "\"mathematician\",\"generalist\",\"newcomer\"],\"params\":{\"alpha\":1.5}}");
        for (ServiceProcess replica : replicas) {
            ServiceProcess.Answer offered = awaitStatus(replica, "POST", "/select", "{\"policy\":\"" + POLICY
                    + "\",\"arms\":[\"newcomer\"]}", 200, Duration.ofSeconds(2));
            assertEquals(200, offered.status(), "the new arm is offered on port " + replica.port + ": " + offered);
            assertEquals(1.5, replica.ok("GET", "/policies/" + POLICY, null).get("params").get("alpha").asDouble(),
                    "the changed param on port " + replica.port);
        }
        Thread.sleep(1_000);

        // SIGKILL under load; what it returned can be rewarded elsewhere; it comes back with everything.
        replicas.get(1).kill();
        int rewardedElsewhere = 0;
        for (String decision = unrewardedOfReplica1.poll(); decision != null && rewardedElsewhere < 20;
                decision = unrewardedOfReplica1.poll()) {
            if (!acknowledged.containsKey(decision) && !unsettled.containsKey(decision)) {
                ServiceProcess.Answer answer = reward(replicas.get(2), decision, 1.0);
                assertEquals(200, answer.status(), "a decision of the killed replica takes feedback on another");
                acknowledged.put(decision, 1.0);
                rewardedElsewhere++;
            }
        }
        assertTrue(rewardedElsewhere > 0, "the killed replica had made decisions");
        Thread.sleep(1_000);
        replicas.get(1).start();
        Thread.sleep(2_000);

        // The database goes away under load: selects go on, feedback is refused with Retry-After, nobody is ready.
        databaseAway.set(true);
        database.close();
        Thread.sleep(1_500);
        List<String> decidedWhileAway = new ArrayList<>();
        for (ServiceProcess replica : replicas) {
            ServiceProcess.Answer select = select(replica, "code");
            assertEquals(200, select.status(), "select answers while the database is away");
            decidedWhileAway.add(select.body().get("decisionId").asText());
            ServiceProcess.Answer feedback = reward(replica, decidedWhileAway.get(decidedWhileAway.size() - 1), 1.0);
            assertEquals(503, feedback.status(), "feedback is refused while the database is away");
            assertNotNull(feedback.retryAfter(), "a 503 says when to retry");
            assertFalse(replica.ready(), "not ready while the database is away");
            ServiceProcess.Answer view = replica.call("GET", "/policies/" + POLICY, null);
            assertEquals(503, view.status(), "the view needs the database: " + view);
            assertNotNull(view.retryAfter());
        }
        database = EmbeddedDatabase.start(workDir.resolve("db"), databasePort);
        databaseAway.set(false);
        for (ServiceProcess replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(30));
        }
        for (String decision : decidedWhileAway) {
            ServiceProcess.Answer answer = awaitStatus(replicas.get(0), "POST", "/feedback",
                    "{\"decisionId\":\"" + decision + "\",\"reward\":1}", 200, Duration.ofSeconds(10));
            assertEquals(200, answer.status(), "a decision held while the database was away is written later");
            acknowledged.put(decision, 1.0);
            decidedArm.put(decision, "coder");
        }
        Thread.sleep(2_000);

        // SIGTERM under load drains what is in flight.
        assertTrue(replicas.get(2).terminate(Duration.ofSeconds(30)), "SIGTERM stops the replica");
        replicas.get(2).start();
        Thread.sleep(2_000);

        loading.set(false);
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();
        settleUnsettledFeedback();
        assertTrue(acknowledged.size() > 500, "load was driven: " + acknowledged.size() + " rewards, " + statuses);

        racingFeedbackHasExactlyOneWinner();

        long lastAcknowledged = System.nanoTime();
        for (ServiceProcess replica : replicas) {
            awaitRewards(replica, acknowledged.size(), Duration.ofSeconds(10));
        }
        long visibleAfterMillis = (System.nanoTime() - lastAcknowledged) / 1_000_000;
        assertTrue(visibleAfterMillis <= 1_000, "every replica counted every reward within 1 s, took "
                + visibleAfterMillis + " ms");

        System.out.printf("ReplicasIT: %d rewards acknowledged, answers by status %s (-1: connection lost),"
                + " every replica counted them all %d ms after the last%n", acknowledged.size(), statuses,
                visibleAfterMillis);
        assertEquals(acknowledged, storedFeedback(), "every acknowledged reward is stored, once, as acknowledged");
        assertSameLearnedState();
    }

    private ServiceProcess replica(int port, String name) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        environment.put("SWITCHBOARD_DATA_DIR", null);
        // Snapshots only at SIGTERM: the restarts below then replay the log (a SIGKILL) or start from a snapshot.
        environment.put("SWITCHBOARD_SNAPSHOT_INTERVAL", "1h");
        return new ServiceProcess(port, environment, workDir.resolve(name + ".log"));
    }

    /** One load thread: select on a random replica, reward most decisions on another, keep the ledger. */
    private void drive(SplittableRandom rng) {
        while (loading.get()) {
            int r = rng.nextInt(replicas.size());
            String task = TASKS[rng.nextInt(TASKS.length)];
            ServiceProcess.Answer select;
            try {
                select = select(replicas.get(r), task);
            } catch (IOException e) {
                count(-1);
                continue;
            } catch (InterruptedException e) {
                return;
            }
            count(select.status());
            if (select.status() != 200) {
                continue;
            }
            String decision = select.body().get("decisionId").asText();
            String arm = select.body().get("arm").asText();
            decidedArm.put(decision, arm);
            if (r == 1) {
                unrewardedOfReplica1.add(decision);
            }
            if (rng.nextDouble() < 0.2 || databaseAway.get()) {
                continue;
            }
            double reward = rng.nextDouble() < (isBest(task, arm) ? 0.8 : 0.3) ? 1 : 0;
            ServiceProcess other = replicas.get((r + 1 + rng.nextInt(replicas.size() - 1)) % replicas.size());
            try {
                ServiceProcess.Answer answer = reward(other, decision, reward);
                count(answer.status());
                if (answer.status() == 200) {
                    acknowledged.put(decision, reward);
                } else {
                    assertEquals(503, answer.status(), "feedback for a fresh decision: " + answer);
                    unsettled.put(decision, reward);
                }
            } catch (IOException e) {
                count(-1);
                unsettled.put(decision, reward);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isBest(String task, String arm) {
        return arm.equals(switch (task) {
            case "code" -> "coder";
            case "chat" -> "chatter";
            default -> "mathematician";
        });
    }

    /** Retries every feedback whose answer was lost or 503: 200, or 409 if its first attempt was in fact stored. */
    private void settleUnsettledFeedback() throws Exception {
        for (Map.Entry<String, Double> feedback : unsettled.entrySet()) {
            ServiceProcess.Answer answer = reward(replicas.get(0), feedback.getKey(), feedback.getValue());
            assertTrue(answer.status() == 200 || answer.status() == 409, "retried feedback: " + answer);
            acknowledged.put(feedback.getKey(), feedback.getValue());
        }
    }

    private void racingFeedbackHasExactlyOneWinner() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 30; i++) {
            String decision = select(replicas.get(i % 3), TASKS[i % 3]).body().get("decisionId").asText();
            decidedArm.put(decision, "?");
            CountDownLatch start = new CountDownLatch(1);
            Future<ServiceProcess.Answer> first = racers.submit(() -> {
                start.await();
                return reward(replicas.get(0), decision, 1.0);
            });
            Future<ServiceProcess.Answer> second = racers.submit(() -> {
                start.await();
                return reward(replicas.get(2), decision, 1.0);
            });
            start.countDown();
            List<Integer> outcome = new ArrayList<>(List.of(first.get().status(), second.get().status()));
            outcome.sort(null);
            assertEquals(List.of(200, 409), outcome, "two racing rewards for one decision");
            acknowledged.put(decision, 1.0);
        }
        racers.shutdown();
    }

    private void awaitRewards(ServiceProcess replica, int rewards, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = replica.ok("GET", "/policies/" + POLICY, null).get("rewards").asLong();
            if (seen == rewards) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(rewards, seen, "rewards counted on port " + replica.port);
    }

    /** Replicas, a restart from a snapshot, and a clean replay of the whole log agree on what was learned. */
    private void assertSameLearnedState() throws Exception {
        JsonNode reference = learnedState(replicas.get(0));
        for (ServiceProcess replica : replicas.subList(1, replicas.size())) {
            assertSameState(reference, learnedState(replica), "replica on port " + replica.port);
        }
        assertTrue(replicas.get(0).terminate(Duration.ofSeconds(30)));
        replicas.get(0).start();
        assertSameState(reference, learnedState(replicas.get(0)), "restart from the snapshot written at SIGTERM");

        execute("DELETE FROM snapshot");
        ServiceProcess fresh = replica(ServiceProcess.freePort(), "replay");
        replicas.add(fresh);
        fresh.start();
        assertSameState(reference, learnedState(fresh), "clean replay of every stored reward");
    }

    /** The policy view and the scores for each task. */
    private JsonNode learnedState(ServiceProcess replica) throws Exception {
        var state = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        state.set("view", replica.ok("GET", "/policies/" + POLICY, null));
        for (String task : TASKS) {
            state.set(task, select(replica, task).body().get("scores"));
        }
        return state;
    }

    private static void assertSameState(JsonNode expected, JsonNode actual, String what) {
        for (String arm : ARMS) {
            for (String task : TASKS) {
                assertEquals(expected.get(task).get(arm).asDouble(), actual.get(task).get(arm).asDouble(), 1e-9,
                        what + ": score of " + arm + " for " + task);
            }
        }
        JsonNode expectedArms = expected.get("view").get("arms");
        JsonNode actualArms = actual.get("view").get("arms");
        for (int i = 0; i < expectedArms.size(); i++) {
            assertEquals(expectedArms.get(i).get("rewards"), actualArms.get(i).get("rewards"), what);
            assertEquals(expectedArms.get(i).get("meanReward").asDouble(), actualArms.get(i).get("meanReward")
                    .asDouble(), 1e-12, what);
        }
    }

    private ServiceProcess.Answer select(ServiceProcess replica, String task) throws IOException, InterruptedException {
        return replica.call("POST", "/select", "{\"policy\":\"" + POLICY + "\",\"context\":{\"task\":\"" + task
                + "\"}}");
    }

    private static ServiceProcess.Answer reward(ServiceProcess replica, String decision, double reward)
            throws IOException, InterruptedException {
        return replica.call("POST", "/feedback", "{\"decisionId\":\"" + decision + "\",\"reward\":" + reward + "}");
    }

    private static ServiceProcess.Answer awaitStatus(ServiceProcess replica, String method, String path, String body,
            int status, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        ServiceProcess.Answer answer = replica.call(method, path, body);
        while (answer.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = replica.call(method, path, body);
        }
        return answer;
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private Map<String, Double> storedFeedback() throws SQLException {
        Map<String, Double> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT decision_id, reward FROM feedback")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return stored;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
