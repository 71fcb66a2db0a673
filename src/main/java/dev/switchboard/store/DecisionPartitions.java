package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The day partitions of the decision log (PostgreSQL range partitioning on {@code created_at}, UTC days), listed in
 * {@code decision_partition}. {@link #maintain} creates the partitions of today and the next {@link #DAYS_AHEAD} days,
 * and drops every partition whose decisions are all older than the retention. Replicas run it concurrently; a
 * transaction-scoped advisory lock lets one of them at a time do it, and the others skip.
 */
public final class DecisionPartitions {

    /** Partitions exist this many days ahead, so that a maintenance run that fails for a while loses no decision. */
    public static final int DAYS_AHEAD = 3;

    private static final long LOCK_KEY = 0x5357_4244_5041_5254L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** What one maintenance run changed. */
    public record Changes(List<String> created, List<String> dropped) {
    }

    private record Partition(String name, Instant startsAt, Instant endsAt) {
        boolean covers(Instant t) {
            return (startsAt == null || !t.isBefore(startsAt)) && t.isBefore(endsAt);
        }
    }

    private DecisionPartitions() {
    }

    /** Brings the partitions in line with {@code now} and {@code retention}, in one transaction the caller commits. */
    public static Changes maintain(Connection connection, Instant now, Duration retention) throws SQLException {
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        if (!lock(connection)) {
            return new Changes(created, dropped);
        }
        List<Partition> partitions = list(connection);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
            LocalDate day = today.plusDays(ahead);
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (partitions.stream().noneMatch(p -> p.covers(start))) {
                Partition partition = new Partition("decision_" + DAY.format(day), start,
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                create(connection, partition);
                partitions.add(partition);
                created.add(partition.name());
            }
        }
        Instant oldestKept = now.minus(retention);
        for (Partition partition : partitions) {
            if (!partition.endsAt().isAfter(oldestKept)) {
                drop(connection, partition);
                dropped.add(partition.name());
            }
        }
        return new Changes(created, dropped);
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static List<Partition> list(Connection connection) throws SQLException {
        List<Partition> partitions = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT name, starts_at, ends_at FROM decision_partition")) {
            while (rows.next()) {
                Timestamp starts = rows.getTimestamp(2);
                partitions.add(new Partition(rows.getString(1), starts == null ? null : starts.toInstant(),
                        rows.getTimestamp(3).toInstant()));
            }
        }
        return partitions;
    }

    private static void create(Connection connection, Partition partition) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            // Names and bounds come from dates formatted here, never from input.
            ddl.execute("CREATE TABLE " + partition.name() + " PARTITION OF decision FOR VALUES FROM ('"
                    + partition.startsAt() + "') TO ('" + partition.endsAt() + "')");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO decision_partition (name, starts_at, ends_at) VALUES (?, ?, ?)")) {
            insert.setString(1, partition.name());
            insert.setTimestamp(2, Timestamp.from(partition.startsAt()));
            insert.setTimestamp(3, Timestamp.from(partition.endsAt()));
            insert.executeUpdate();
        }
    }

    private static void drop(Connection connection, Partition partition) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + partition.name());
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM decision_partition WHERE name = ?")) {
            delete.setString(1, partition.name());
            delete.executeUpdate();
        }
    }
}
