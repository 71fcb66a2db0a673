package dev.switchboard.service;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Tells a failure to reach the database from a failure of what was asked of it. An outage is PostgreSQL's connection
 * errors (SQLSTATE class 08), operator intervention such as a shutdown (57P), a lack of resources (53), an I/O error,
 * or an SQL error with no SQLSTATE at all, which is what the connection pool raises when it cannot connect. Outages
 * are answered 503 with {@code Retry-After}; they pass by themselves.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or the first SQL or I/O error among its causes, means the database was unreachable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
