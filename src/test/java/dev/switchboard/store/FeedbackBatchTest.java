package dev.switchboard.store;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code record_feedback}, the one statement that stores a batch of rewards: what becomes of each kind of item, the
 * ordinals it hands out, writers on several replicas racing for the same decisions, and that it looks everything up by
 * index.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedbackBatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PolicyStore policies;

    @Test
    void aBatchStoresNewRewardsWithGaplessOrdinalsPerPolicyAndRejectsUnknownsAndRepeats() throws SQLException {
        long first = policy();
        long second = policy();
        UUID a = decision(first, 0, "{\"task\":\"code\"}");
        UUID b = decision(second, 1, "{\"task\":\"chat\"}");
        UUID c = decision(first, 1, "{\"task\":\"math\"}");
        UUID rewardedBefore = decision(first, 0, "{}");
        UUID unknown = UUID.randomUUID();
        assertInstanceOf(FeedbackBatch.Stored.class, write(List.of(item(rewardedBefore, 0.5))).get(0));

        List<FeedbackBatch.Outcome> outcomes = write(List.of(item(a, 1), item(unknown, 1), item(b, 0.25),
                item(a, 0), item(rewardedBefore, 1), item(c, 0.75)));

        FeedbackBatch.Stored storedA = assertInstanceOf(FeedbackBatch.Stored.class, outcomes.get(0));
        assertInstanceOf(FeedbackBatch.Unknown.class, outcomes.get(1));
        FeedbackBatch.Stored storedB = assertInstanceOf(FeedbackBatch.Stored.class, outcomes.get(2));
        assertInstanceOf(FeedbackBatch.Duplicate.class, outcomes.get(3), "a repeat within the batch");
        assertInstanceOf(FeedbackBatch.Duplicate.class, outcomes.get(4), "a decision rewarded by an earlier batch");
        FeedbackBatch.Stored storedC = assertInstanceOf(FeedbackBatch.Stored.class, outcomes.get(5));
        assertEquals(new DecisionRecord(a, first, 0, "{\"task\":\"code\"}"), storedA.decision());
        assertEquals(new FeedbackRecord(2, 0, 1.0, "{\"task\":\"code\"}"), storedA.feedback());
        assertEquals(new FeedbackRecord(1, 1, 0.25, "{\"task\":\"chat\"}"), storedB.feedback());
        assertEquals(new FeedbackRecord(3, 1, 0.75, "{\"task\":\"math\"}"), storedC.feedback());
        assertEquals(List.of(1L, 2L, 3L), storedOrdinals(first));
        assertEquals(List.of(1L), storedOrdinals(second));
    }

    @Test
    void aDecisionOfADeletedPolicyIsUnknownThoughItStaysInTheLog() throws SQLException {
        String name = uniqueName("deleted");
        long policy = policy(name);
        UUID decision = decision(policy, 2, "{}");
        given().delete("/policies/" + name).then().statusCode(204);

        assertInstanceOf(FeedbackBatch.Unknown.class, write(List.of(item(decision, 1))).get(0));
        assertEquals(List.of(1L), queryLongs("SELECT count(*) FROM decision WHERE id = ?", decision),
                "retention, not the deletion, drops the decision");
        assertEquals(List.of(0L), queryLongs("SELECT count(*) FROM feedback WHERE decision_id = ?", decision));
    }

    @Test
    void deletingAPolicyDeletesItsFeedbackAndNoOtherPolicys() throws SQLException {
        String name = uniqueName("deleted-with-feedback");
        long deleted = policy(name);
        long kept = policy();
        UUID gone = decision(deleted, 0, "{}");
        UUID stays = decision(kept, 0, "{}");
        write(List.of(item(gone, 1), item(stays, 0.5)));

        given().delete("/policies/" + name).then().statusCode(204);

        assertEquals(List.of(0L), queryLongs("SELECT count(*) FROM feedback WHERE policy_id = ?", deleted));
        assertEquals(List.of(1L), queryLongs("SELECT count(*) FROM feedback WHERE policy_id = ?", kept));
    }

    @Test
    void writersRacingForTheSameDecisionsStoreEachRewardOnceWithoutDeadlock() throws Exception {
        long[] policies = {policy(), policy()};
        List<UUID> decisions = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            decisions.add(decision(policies[i % 2], i % 3, "{}"));
        }
        int writers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> stored = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<UUID> order = new ArrayList<>(decisions);
            Collections.shuffle(order, new Random(w));
            stored.add(pool.submit(() -> writeInBatches(order, 40)));
        }
        int total = 0;
        for (Future<Integer> writer : stored) {
            total += writer.get();
        }
        pool.shutdown();
        assertEquals(decisions.size(), total, "rewards stored over all writers");
        for (long policy : policies) {
            List<Long> ordinals = storedOrdinals(policy);
            assertEquals(decisions.size() / 2, ordinals.size());
            for (int i = 0; i < ordinals.size(); i++) {
                assertEquals(i + 1, ordinals.get(i), "ordinals of policy " + policy + " are gapless");
            }
        }
    }

    @Test
    void everyBatchFindsItsDecisionsAndEarlierFeedbackByIndexWhileTheTablesAreSmall() throws SQLException {
        long policy = policy();
        List<UUID> decisions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decisions.add(decision(policy, i % 3, "{}"));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long before = sequentialScans(connection);
                // more batches than the five after which PL/pgSQL may keep a generic plan, on one connection
                for (UUID decision : decisions) {
                    assertInstanceOf(FeedbackBatch.Stored.class,
                            FeedbackBatch.write(connection, List.of(item(decision, 1))).get(0));
                }
                assertEquals(0, sequentialScans(connection) - before,
                        "sequential scans of the feedback table or the decision log by these batches");
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * The sequential scans of the feedback table and the decision log's partitions that this connection's backend has
     * not yet reported: those of its open transaction, and on PostgreSQL 14 those of its earlier transactions that it
     * has not sent to the statistics collector yet. Within one transaction the difference is that transaction's own.
     */
    private static long sequentialScans(Connection connection) throws SQLException {
        try (PreparedStatement scans = connection.prepareStatement("""
                SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_user_tables
                 WHERE relid = 'feedback'::regclass
                    OR relid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'decision'::regclass)""");
                ResultSet count = scans.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    /** @return how many of the rewards this writer stored */
    private int writeInBatches(List<UUID> decisions, int size) throws SQLException {
        int stored = 0;
        for (int from = 0; from < decisions.size(); from += size) {
            List<FeedbackBatch.Item> batch = new ArrayList<>();
            for (UUID id : decisions.subList(from, Math.min(decisions.size(), from + size))) {
                batch.add(item(id, 1));
            }
            for (FeedbackBatch.Outcome outcome : write(batch)) {
                if (outcome instanceof FeedbackBatch.Stored) {
                    stored++;
                } else {
                    assertInstanceOf(FeedbackBatch.Duplicate.class, outcome);
                }
            }
        }
        return stored;
    }

    /**
     * The feedback count is handed out by {@code record_feedback} alone: a change of the policy's definition that read
     * the policy before a batch of rewards advanced the count must not write back the count it read (every later
     * batch's ordinals would then collide with stored ones, and the policy take no reward again).
     */
    @Test
    void changingAPolicyKeepsTheFeedbackCountThatRewardsAdvancedMeanwhile() throws Exception {
        long policy = policy();
        UUID before = decision(policy, 0, "{}");
        UUID after = decision(policy, 1, "{}");
        ExecutorService otherClient = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PolicyEntity.findById(policy);
                try {
                    assertInstanceOf(FeedbackBatch.Stored.class,
                            otherClient.submit(() -> write(List.of(item(before, 1)))).get().get(0));
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
                policies.update(policy, "{}", stored -> List.of(new ArmRecord(0, "a0", null, null, true),
                        new ArmRecord(1, "a1", 0.5, null, true), new ArmRecord(2, "a2", null, null, false)));
            });
        } finally {
            otherClient.shutdown();
        }

        assertEquals(List.of(1L), queryLongs("SELECT feedback_count FROM policy WHERE id = ?", policy));
        FeedbackBatch.Stored stored = assertInstanceOf(FeedbackBatch.Stored.class,
                write(List.of(item(after, 1))).get(0));
        assertEquals(2, stored.feedback().ordinal());
    }

    private List<FeedbackBatch.Outcome> write(List<FeedbackBatch.Item> items) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return FeedbackBatch.write(connection, items);
        }
    }

    private static FeedbackBatch.Item item(UUID decision, double reward) {
        return new FeedbackBatch.Item(decision, reward, Instant.now());
    }

    private long policy() throws SQLException {
        return policy(uniqueName("rewarded"));
    }

    private long policy(String name) throws SQLException {
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\",\"a2\"]}").statusCode(201);
        return queryLongs("SELECT id FROM policy WHERE name = ?", name).get(0);
    }

    private UUID decision(long policy, int arm, String context) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            DecisionBatch.insert(connection, List.of(new DecisionBatch.Row(id, policy, arm, 0.5, context, 1,
                    Instant.now())), 0);
        }
        return id;
    }

    private List<Long> storedOrdinals(long policy) throws SQLException {
        return queryLongs("SELECT ordinal FROM feedback WHERE policy_id = ? ORDER BY ordinal", policy);
    }

    private List<Long> queryLongs(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }
}
