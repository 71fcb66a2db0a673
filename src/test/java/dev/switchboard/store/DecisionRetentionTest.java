package dev.switchboard.store;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.support.Api;
import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention drops whole day partitions of the decision log, and nothing learned or counted depends on them: the view
 * is the same before and after, and only feedback for a dropped decision is refused (404).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DecisionRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void partitionsForTodayAgain() throws SQLException {
        maintain(Instant.now());
    }

    @Test
    void partitionsExistForTodayAndTheDaysAhead() throws SQLException {
        maintain(Instant.now());
        List<String> names = partitionNames();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int ahead = 1; ahead <= DecisionPartitions.DAYS_AHEAD; ahead++) {
            assertTrue(names.contains("decision_" + DateTimeFormatter.BASIC_ISO_DATE.format(today.plusDays(ahead))),
                    names.toString());
        }
    }

    @Test
    void droppingExpiredPartitionsKeepsCountsAndLearningAndRefusesFeedbackForDroppedDecisions() throws SQLException {
        String name = uniqueName("retention");
        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"a\",\"b\"]}").statusCode(201);
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decisions.add(Api.decide(name, "{\"task\":\"code\"}"));
        }
        Api.feedback("{\"decisionId\":\"" + decisions.get(0) + "\",\"reward\":1}").statusCode(200);
        Map<String, Object> before = Api.viewMap(name);
        assertEquals(6, ((Number) before.get("decisions")).intValue());

        DecisionPartitions.Changes changes = maintain(Instant.now().plus(Duration.ofDays(45)));
        String today = "decision_" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC));
        assertTrue(changes.dropped().stream().anyMatch(p -> p.equals(today) || p.startsWith("decision_until_")),
                changes.toString());
        assertFalse(partitionNames().contains(today));
        assertEquals(0, decisionRows(), "the expired decisions are gone");

        assertEquals(before, Api.viewMap(name), "counts and learned state do not depend on dropped decisions");
        Api.feedback("{\"decisionId\":\"" + decisions.get(1) + "\",\"reward\":1}").statusCode(404);
        Api.feedback("{\"decisionId\":\"" + decisions.get(0) + "\",\"reward\":0}").statusCode(404);
    }

    private DecisionPartitions.Changes maintain(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            DecisionPartitions.Changes changes = DecisionPartitions.maintain(connection, now, RETENTION);
            connection.commit();
            return changes;
        }
    }

    private List<String> partitionNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                        + " ON c.oid = i.inhrelid WHERE i.inhparent = 'decision'::regclass")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private long decisionRows() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT count(*) FROM decision")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
