package dev.switchboard.service;

import dev.switchboard.store.FeedbackBatch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The feedback log's writer, a {@link GroupCommit} over {@link FeedbackBatch}. */
@ApplicationScoped
public class FeedbackLog {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(1);

    static final int CAPACITY = 65_536;

    private final AgroalDataSource dataSource;
    private GroupCommit<FeedbackBatch.Item, FeedbackBatch.Outcome> commits;

    FeedbackLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        commits = GroupCommit.refusing("feedback log", dataSource, CAPACITY, FeedbackBatch::write);
    }

    /** Writes what is queued before the database is stopped. */
    void stop(@Observes @Priority(100) ShutdownEvent event) throws InterruptedException {
        commits.stop(STOP_PATIENCE);
    }

    /** Completes once the reward is committed (or found unknown or a duplicate). */
    public CompletableFuture<FeedbackBatch.Outcome> append(FeedbackBatch.Item item) {
        return commits.submit(item);
    }
}
