package dev.switchboard.service;

import dev.switchboard.store.DecisionBatch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;

/**
 * The decision log's writer, a {@link GroupCommit}: {@code /select} answers once the batch holding its decision has
 * committed, so a decision it returned is durable and any replica can take its feedback.
 */
@ApplicationScoped
public class DecisionLog {

    static final int CAPACITY = 65_536;

    private final AgroalDataSource dataSource;
    private GroupCommit<DecisionBatch.Row, Void> commits;

    DecisionLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        commits = new GroupCommit<>("decision log", dataSource, CAPACITY, (connection, rows) -> {
            DecisionBatch.insert(connection, rows);
            return Collections.<Void>nCopies(rows.size(), null);
        });
    }

    /** Writes what is queued before the database is stopped. */
    void stop(@Observes @Priority(100) ShutdownEvent event) throws InterruptedException {
        commits.stop();
    }

    /** Completes when the decision is committed; fails with {@link ServiceUnavailableException} if it cannot be. */
    public CompletableFuture<Void> append(DecisionBatch.Row row) {
        return commits.submit(row);
    }
}
