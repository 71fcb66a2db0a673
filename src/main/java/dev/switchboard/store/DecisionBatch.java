package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes many decisions with one statement, which PostgreSQL commits by itself: one round trip per batch, whatever
 * its size. The rows travel as arrays that {@code unnest} turns back into rows; the same statement adds each chosen
 * arm's count to the writer's own shard of that arm's decision counter ({@code arm_decisions}), so counts never
 * depend on decision rows that retention drops later, and writers on several replicas do not queue on one counter
 * row.
 *
 * <p>The statement commits without waiting for the write-ahead log to reach the disk ({@code synchronous_commit} off
 * for its transaction only): a decision then survives the death of any Switchboard instance and is visible to all at
 * once, but a crash of PostgreSQL itself in the next few hundred milliseconds loses it (its feedback then gets 404).
 * Feedback is always committed synchronously.
 *
 * <p>Counters are upserted in (policy, position) order, the order in which the sorted rows reach the insert, so that
 * two writers that happen to share a shard take their row locks in the same order and cannot deadlock. (Updating one
 * counter row per arm with {@code UPDATE … FROM}, as version 2 of the schema did, measured deadlocks between two
 * writers: the join does not lock in the order of its input.)
 */
public final class DecisionBatch {

    private static final String INSERT_AND_COUNT = """
            WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true)),
            new_decision AS (
                SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::int[], ?::float8[], ?::text[], ?::int[],
                                     ?::timestamptz[])
                    AS d(id, policy_id, arm_position, probability, context, policy_version, created_at)),
            inserted AS (INSERT INTO decision SELECT * FROM new_decision)
            INSERT INTO arm_decisions (policy_id, position, shard, decisions)
            SELECT policy_id, arm_position, ?, count(*) FROM new_decision, asynchronous
            GROUP BY policy_id, arm_position ORDER BY policy_id, arm_position
            ON CONFLICT (policy_id, position, shard)
            DO UPDATE SET decisions = arm_decisions.decisions + EXCLUDED.decisions""";

    /** How many shards a decision counter has: instances pick one at random, so few of them ever share one. */
    public static final int COUNTER_SHARDS = 64;

    /** One decision as it is logged. */
    public record Row(UUID id, long policyId, int armPosition, double probability, String context, int version,
            Instant createdAt) {
    }

    private DecisionBatch() {
    }

    /**
     * Inserts {@code rows} and counts them in counter shard {@code shard} (0 to {@value #COUNTER_SHARDS} − 1), with
     * one statement on {@code connection}, in auto-commit mode.
     */
    public static void insert(Connection connection, List<Row> rows, int shard) throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        Long[] policies = new Long[n];
        Integer[] arms = new Integer[n];
        Double[] probabilities = new Double[n];
        String[] contexts = new String[n];
        Integer[] versions = new Integer[n];
        Timestamp[] times = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.id();
            policies[i] = row.policyId();
            arms[i] = row.armPosition();
            probabilities[i] = row.probability();
            contexts[i] = row.context();
            versions[i] = row.version();
            times[i] = Timestamp.from(row.createdAt());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AND_COUNT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("bigint", policies));
            insert.setArray(3, connection.createArrayOf("integer", arms));
            insert.setArray(4, connection.createArrayOf("float8", probabilities));
            insert.setArray(5, connection.createArrayOf("text", contexts));
            insert.setArray(6, connection.createArrayOf("integer", versions));
            insert.setArray(7, connection.createArrayOf("timestamptz", times));
            insert.setInt(8, shard);
            insert.executeUpdate();
        }
    }
}
