package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores the rewards of many decisions with one call of the database function {@code record_feedback}, in one round
 * trip and one transaction, whatever their number. The function (migration V4, which says how) locks the decisions in
 * id order, so that two replicas storing a reward for the same decision at the same time are serialised and exactly
 * one of them stores it; rejects decisions that already have feedback and repeats within the batch (the first one
 * wins); moves each policy's counter past its accepted rewards under the policy's row lock, in policy id order, which
 * hands out gapless ordinals in commit order; and inserts the feedback rows, each carrying its decision's context.
 *
 * <p>Feedback is committed synchronously (the database's default), unlike decisions: an acknowledged reward survives
 * a crash of PostgreSQL too.
 */
public final class FeedbackBatch {

    private static final String RECORD = "SELECT policy_id, arm_position, ordinal, context FROM record_feedback("
            + "?::uuid[], ?::float8[], ?::timestamptz[])";

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

    /**
     * Writes {@code items} with one statement on {@code connection}, in auto-commit mode; the outcomes are aligned
     * with the items.
     */
    public static List<Outcome> write(Connection connection, List<Item> items) throws SQLException {
        int n = items.size();
        UUID[] ids = new UUID[n];
        Double[] rewards = new Double[n];
        Timestamp[] received = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.get(i).decisionId();
            rewards[i] = items.get(i).reward();
            received[i] = Timestamp.from(items.get(i).receivedAt());
        }
        List<Outcome> outcomes = new ArrayList<>(n);
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setArray(1, connection.createArrayOf("uuid", ids));
            record.setArray(2, connection.createArrayOf("float8", rewards));
            record.setArray(3, connection.createArrayOf("timestamptz", received));
            try (ResultSet rows = record.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rows.next()) {
                        throw new SQLException("record_feedback returned " + i + " rows for " + n + " rewards");
                    }
                    outcomes.add(outcome(items.get(i), rows));
                }
            }
        }
        return outcomes;
    }

    private static Outcome outcome(Item item, ResultSet row) throws SQLException {
        long policyId = row.getLong(1);
        if (row.wasNull()) {
            return new Unknown();
        }
        int arm = row.getInt(2);
        long ordinal = row.getLong(3);
        if (row.wasNull()) {
            return new Duplicate();
        }
        String context = row.getString(4);
        return new Stored(new DecisionRecord(item.decisionId(), policyId, arm, context),
                new FeedbackRecord(ordinal, arm, item.reward(), context));
    }
}
