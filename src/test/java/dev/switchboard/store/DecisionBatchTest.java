package dev.switchboard.store;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Writers on several replicas log decisions of the same policy at the same time: none waits on another's counter
 * rows for long, none deadlocks (one counter row per arm did, within seconds), and every decision is counted once.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DecisionBatchTest {

    private static final int ARMS = 8;
    private static final int BATCHES = 150;
    private static final int ROWS = 40;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentWritersWithShardsOfTheirOwnCountEveryDecisionOnce() throws Exception {
        writeConcurrently(new int[] {1, 2, 3});
    }

    @Test
    void concurrentWritersThatShareAShardCountEveryDecisionOnce() throws Exception {
        writeConcurrently(new int[] {7, 7, 7});
    }

    private void writeConcurrently(int[] shards) throws Exception {
        String name = uniqueName("counted");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\",\"a2\",\"a3\",\"a4\",\"a5\",\"a6\",\"a7\"]}")
                .statusCode(201);
        long policyId = policyId(name);
        AtomicLongArray written = new AtomicLongArray(ARMS);
        ExecutorService writers = Executors.newFixedThreadPool(shards.length);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < shards.length; w++) {
            int shard = shards[w];
            long seed = w;
            done.add(writers.submit(() -> {
                write(policyId, shard, new SplittableRandom(seed), written);
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        List<Object> pulls = Api.view(name).statusCode(200).extract().path("arms.pulls");
        for (int arm = 0; arm < ARMS; arm++) {
            assertEquals(written.get(arm), ((Number) pulls.get(arm)).longValue(), "decisions of arm " + arm);
        }
    }

    /** Batches of decisions whose arms each writer chooses in its own random order. */
    private void write(long policyId, int shard, SplittableRandom rng, AtomicLongArray written) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (int b = 0; b < BATCHES; b++) {
                List<DecisionBatch.Row> rows = new ArrayList<>();
                for (int r = 0; r < ROWS; r++) {
                    int arm = rng.nextInt(ARMS);
                    written.incrementAndGet(arm);
                    rows.add(new DecisionBatch.Row(UUID.randomUUID(), policyId, arm, 1.0 / ARMS, "{}", 1,
                            Instant.now()));
                }
                DecisionBatch.insert(connection, rows, shard);
            }
        }
    }

    private long policyId(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM policy WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
