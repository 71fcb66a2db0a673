package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionErrorsShutdownsAndAPoolWithoutConnectionsAreOutages() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("An I/O error occurred", "08006")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("too many connections", "53300")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseOutage.causedBy(new CompletionException(new RuntimeException(
                new SQLException("Connection refused", "08001")))), "found among the causes");
    }

    @Test
    void whatTheDatabaseRejectsIsNotAnOutage() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("violates foreign key constraint", "23503")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("deadlock detected", "40P01")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
    }
}
