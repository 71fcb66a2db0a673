package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores the rewards of many decisions in one transaction with four statements, whatever their number.
 *
 * <ol>
 *   <li>The decisions are locked ({@code FOR UPDATE}, in id order), so two replicas storing a reward for the same
 *       decision at the same time are serialised: exactly one of them stores it.</li>
 *   <li>Decisions that already have feedback are found; so are repeats within the batch (the first one wins).</li>
 *   <li>Each policy's counter is moved past the accepted rewards under its row lock (policies in id order), which hands
 *       out gapless ordinals in commit order.</li>
 *   <li>The feedback rows are inserted, each carrying its decision's context.</li>
 * </ol>
 *
 * <p>Locks are always taken in the same order (decisions by id, then policies by id), so concurrent batches on
 * several replicas cannot deadlock.
 */
public final class FeedbackBatch {

    private static final String LOCK_DECISIONS = "SELECT id, policy_id, arm_position, context::text FROM decision"
            + " WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE";
    private static final String EXISTING = "SELECT decision_id FROM feedback WHERE decision_id = ANY(?::uuid[])";
    private static final String ADVANCE = "UPDATE policy SET feedback_count = feedback_count + ? WHERE id = ?"
            + " RETURNING feedback_count";
    private static final String INSERT = "INSERT INTO feedback (decision_id, policy_id, ordinal, arm_position, reward,"
            + " context, created_at) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::int[], ?::float8[],"
            + " ?::jsonb[], ?::timestamptz[])";

    /** A reward to store. */
    public record Item(UUID decisionId, double reward, Instant receivedAt) {
    }

    /** What became of one item. */
    public sealed interface Outcome {
    }

    /** Stored with this ordinal; {@code decision} says where it belongs. */
    public record Stored(DecisionRecord decision, FeedbackRecord feedback) implements Outcome {
    }

    /** No such decision. */
    public record Unknown() implements Outcome {
    }

    /** The decision already has feedback. */
    public record Duplicate() implements Outcome {
    }

    private FeedbackBatch() {
    }

    /** Writes {@code items} on {@code connection} (the caller commits); the outcomes are aligned with the items. */
    public static List<Outcome> write(Connection connection, List<Item> items) throws SQLException {
        UUID[] ids = items.stream().map(Item::decisionId).distinct().toArray(UUID[]::new);
        Map<UUID, DecisionRecord> decisions = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_DECISIONS)) {
            lock.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    decisions.put(id, new DecisionRecord(id, rows.getLong(2), rows.getInt(3), rows.getString(4)));
                }
            }
        }
        Set<UUID> taken = new HashSet<>();
        try (PreparedStatement existing = connection.prepareStatement(EXISTING)) {
            existing.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = existing.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getObject(1, UUID.class));
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>(items.size());
        TreeMap<Long, List<Integer>> acceptedByPolicy = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            DecisionRecord decision = decisions.get(items.get(i).decisionId());
            if (decision == null) {
                outcomes.add(new Unknown());
            } else if (!taken.add(decision.id())) {
                outcomes.add(new Duplicate());
            } else {
                outcomes.add(null);
                acceptedByPolicy.computeIfAbsent(decision.policyId(), p -> new ArrayList<>()).add(i);
            }
        }
        if (acceptedByPolicy.isEmpty()) {
            return outcomes;
        }
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            for (Map.Entry<Long, List<Integer>> policy : acceptedByPolicy.entrySet()) {
                List<Integer> accepted = policy.getValue();
                advance.setInt(1, accepted.size());
                advance.setLong(2, policy.getKey());
                long last;
                try (ResultSet row = advance.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                }
                long ordinal = last - accepted.size();
                for (int i : accepted) {
                    Item item = items.get(i);
                    DecisionRecord decision = decisions.get(item.decisionId());
                    outcomes.set(i, new Stored(decision, new FeedbackRecord(++ordinal, decision.armPosition(),
                            item.reward(), decision.context())));
                }
            }
        }
        insert(connection, items, outcomes);
        return outcomes;
    }

    private static void insert(Connection connection, List<Item> items, List<Outcome> outcomes) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<Long> policies = new ArrayList<>();
        List<Long> ordinals = new ArrayList<>();
        List<Integer> arms = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        List<Timestamp> times = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.get(i) instanceof Stored stored) {
                ids.add(stored.decision().id());
                policies.add(stored.decision().policyId());
                ordinals.add(stored.feedback().ordinal());
                arms.add(stored.decision().armPosition());
                rewards.add(items.get(i).reward());
                contexts.add(stored.decision().context());
                times.add(Timestamp.from(items.get(i).receivedAt()));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(2, connection.createArrayOf("bigint", policies.toArray()));
            insert.setArray(3, connection.createArrayOf("bigint", ordinals.toArray()));
            insert.setArray(4, connection.createArrayOf("integer", arms.toArray()));
            insert.setArray(5, connection.createArrayOf("float8", rewards.toArray()));
            insert.setArray(6, connection.createArrayOf("text", contexts.toArray()));
            insert.setArray(7, connection.createArrayOf("timestamptz", times.toArray()));
            insert.executeUpdate();
        }
    }
}
