package dev.switchboard.service;

import dev.switchboard.app.SwitchboardConfig;
import dev.switchboard.store.DecisionBatch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The decision log's writer, a holding {@link GroupCommit}. While the database is up, {@code /select} answers once
 * the batch holding its decision has committed, so a decision it returned is durable and any replica can take its
 * feedback. While the database cannot be reached, {@code /select} answers at once with an id that says so
 * ({@link DecisionIds}), and its decision is held in memory, up to {@code switchboard.decision-buffer} decisions, and
 * written when the database is back; beyond that {@code /select} answers 503. Selects that were waiting for a batch
 * when the database went away answer 503 too: their ids do not say "held".
 */
@ApplicationScoped
public class DecisionLog {

    /** How long a stopping instance keeps trying to write its buffered decisions to an unreachable database. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    /** How a decision was logged when {@code /select} answered. */
    public enum Logged {
        /** committed to the database */
        COMMITTED,
        /** held in this process's memory until the database is back */
        HELD
    }

    private final AgroalDataSource dataSource;
    private final int capacity;
    /** This instance's shard of every decision counter. */
    private final int counterShard;
    private GroupCommit<DecisionBatch.Row, Logged> commits;

    DecisionLog(AgroalDataSource dataSource, SwitchboardConfig config, RandomSource random) {
        this.dataSource = dataSource;
        this.capacity = config.decisionBuffer();
        this.counterShard = random.current().nextInt(DecisionBatch.COUNTER_SHARDS);
    }

    void start(@Observes StartupEvent event) {
        commits = GroupCommit.holding("decision log", dataSource, capacity, (connection, rows) -> {
            DecisionBatch.insert(connection, rows, counterShard);
            return Collections.nCopies(rows.size(), Logged.COMMITTED);
        }, Logged.HELD);
    }

    /** Writes what is queued before the database is stopped. */
    void stop(@Observes @Priority(100) ShutdownEvent event) throws InterruptedException {
        commits.stop(STOP_PATIENCE);
    }

    /**
     * Completes when the decision is committed or, if {@code mayHold} (its id says it was made while the database was
     * away), with {@link Logged#HELD} as soon as the database is found unreachable. Fails with
     * {@link ServiceUnavailableException} when the buffer is full, or when the database is found unreachable and the
     * decision may not be held: a client never gets a decision id that other instances would call unknown.
     */
    public CompletableFuture<Logged> append(DecisionBatch.Row row, boolean mayHold) {
        return commits.submit(row, mayHold);
    }

    /** Whether this decision was accepted here and is not written yet. Scans the buffer: for rare paths only. */
    public boolean holds(UUID decisionId) {
        return commits.unwritten() > 0 && commits.holdsUnwritten(row -> row.id().equals(decisionId));
    }

    /** Decisions accepted and not yet written. */
    public int unwritten() {
        return commits.unwritten();
    }

    /** Whether the last write failed because the database could not be reached. */
    public boolean outage() {
        return commits.outage();
    }
}
