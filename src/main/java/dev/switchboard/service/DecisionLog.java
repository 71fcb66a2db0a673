package dev.switchboard.service;

import dev.switchboard.store.DecisionBatch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The decision log's writer: a thread takes every decision that is waiting, writes them with one statement in one
 * transaction, and completes each decision's future when that transaction has committed (group commit). A
 * {@code /select} answers only then, so a decision it returned is durable, and one fsync serves as many decisions as
 * arrived while the previous batch was being written. No lock is held across the I/O and no request thread waits on
 * JDBC.
 *
 * <p>The queue is bounded ({@value #CAPACITY} decisions); when it is full a decision is refused at once with 503
 * rather than queued without end.
 */
@ApplicationScoped
public class DecisionLog {

    static final int CAPACITY = 65_536;
    static final int MAX_BATCH = 4_096;
    /**
     * One writer: on two cores, more writers in parallel measured slower (11.9k selects/s with one, 8.5k with two,
     * 5.0k with four), the database's CPU being the limit rather than commit latency.
     */
    static final int WRITERS = 1;

    private record Pending(DecisionBatch.Row row, CompletableFuture<Void> written) {
    }

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    DecisionLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::writeLoop, "decision-log-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Drains what is queued before the database is stopped. */
    void stop(@Observes @Priority(100) ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Completes when the decision is committed; fails with {@link ServiceUnavailableException} if it cannot be. */
    public CompletableFuture<Void> append(DecisionBatch.Row row) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!queue.offer(new Pending(row, written))) {
            written.completeExceptionally(new ServiceUnavailableException("the decision log is full; retry shortly"));
        }
        return written;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<DecisionBatch.Row> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            rows.add(p.row());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DecisionBatch.insert(connection, rows);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("could not write %d decisions: %s", batch.size(), e.getMessage());
            ServiceUnavailableException failure = new ServiceUnavailableException(
                    "the decision could not be logged; retry shortly");
            batch.forEach(p -> p.written().completeExceptionally(failure));
            return;
        }
        batch.forEach(p -> p.written().complete(null));
    }
}
