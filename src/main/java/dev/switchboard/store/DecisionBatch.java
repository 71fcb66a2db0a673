package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes many decisions with one statement: the rows travel as arrays and {@code unnest} turns them back into rows,
 * so a batch of any size is one round trip and one prepared statement. In the same transaction each chosen arm's
 * decision counter moves on, so counts never depend on decision rows that retention drops later. Counters are updated
 * in (policy, position) order, so that writers on several replicas cannot deadlock.
 */
public final class DecisionBatch {

    private static final String INSERT = "INSERT INTO decision (id, policy_id, arm_position, probability, context,"
            + " policy_version, created_at) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::int[], ?::float8[],"
            + " ?::jsonb[], ?::int[], ?::timestamptz[])";

    private static final String COUNT = "UPDATE arm SET decisions = decisions + ? WHERE policy_id = ? AND position = ?";

    /** One decision as it is logged. */
    public record Row(UUID id, long policyId, int armPosition, double probability, String context, int version,
            Instant createdAt) {
    }

    private DecisionBatch() {
    }

    /**
     * Inserts {@code rows} on {@code connection}; the caller commits. The commit returns once PostgreSQL has the rows
     * in its write-ahead log, without waiting for that log to reach the disk ({@code synchronous_commit = off} for
     * this transaction only): a decision then survives the death of any Switchboard instance, and is visible to all
     * at once, but a crash of PostgreSQL itself in the next few hundred milliseconds loses it (its feedback then gets
     * 404). Feedback is always committed synchronously.
     */
    public static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (Statement asynchronous = connection.createStatement()) {
            asynchronous.execute("SET LOCAL synchronous_commit = off");
        }
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
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("bigint", policies));
            insert.setArray(3, connection.createArrayOf("integer", arms));
            insert.setArray(4, connection.createArrayOf("float8", probabilities));
            insert.setArray(5, connection.createArrayOf("text", contexts));
            insert.setArray(6, connection.createArrayOf("integer", versions));
            insert.setArray(7, connection.createArrayOf("timestamptz", times));
            insert.executeUpdate();
        }
        count(connection, rows);
    }

    private record ArmKey(long policyId, int position) implements Comparable<ArmKey> {
        @Override
        public int compareTo(ArmKey other) {
            int byPolicy = Long.compare(policyId, other.policyId);
            return byPolicy != 0 ? byPolicy : Integer.compare(position, other.position);
        }
    }

    private static void count(Connection connection, List<Row> rows) throws SQLException {
        TreeMap<ArmKey, Integer> counts = new TreeMap<>();
        for (Row row : rows) {
            counts.merge(new ArmKey(row.policyId(), row.armPosition()), 1, Integer::sum);
        }
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            for (var arm : counts.entrySet()) {
                count.setLong(1, arm.getValue());
                count.setLong(2, arm.getKey().policyId());
                count.setInt(3, arm.getKey().position());
                count.addBatch();
            }
            count.executeBatch();
        }
    }
}
