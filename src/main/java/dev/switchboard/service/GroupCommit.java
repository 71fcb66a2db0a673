package dev.switchboard.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: requests hand in what they want written and get a future; one writer thread takes everything that is
 * waiting, writes it in one transaction, and completes every future when that transaction has committed. One fsync
 * then serves as many requests as arrived while the previous batch was being written, no request thread waits on
 * JDBC, and no lock is held across I/O.
 *
 * <p>One writer: on two cores more writers in parallel measured slower for decisions (11.9k selects/s with one, 8.5k
 * with two, 5.0k with four), the database's CPU being the limit rather than the commit's latency.
 *
 * <p>The queue is bounded; when it is full a request is refused at once with {@link ServiceUnavailableException}
 * (503) rather than queued without end. A batch that fails is refused as a whole, with the same exception, and
 * nothing of it is kept.
 *
 * @param <T> what one request hands in
 * @param <R> what it gets back once committed
 */
final class GroupCommit<T, R> {

    /** Writes one batch on a connection; the group commit commits. Results are aligned with the items. */
    @FunctionalInterface
    interface BatchWriter<T, R> {
        List<R> write(Connection connection, List<T> items) throws SQLException;
    }

    static final int MAX_BATCH = 4_096;

    private record Pending<T, R>(T item, CompletableFuture<R> done) {
    }

    private final String name;
    private final AgroalDataSource dataSource;
    private final BatchWriter<T, R> writer;
    private final BlockingQueue<Pending<T, R>> queue;
    private volatile boolean running = true;
    private final Thread thread;

    GroupCommit(String name, AgroalDataSource dataSource, int capacity, BatchWriter<T, R> writer) {
        this.name = name;
        this.dataSource = dataSource;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once {@code item} is committed; fails with {@link ServiceUnavailableException} if it cannot be. */
    CompletableFuture<R> submit(T item) {
        CompletableFuture<R> done = new CompletableFuture<>();
        if (!queue.offer(new Pending<>(item, done))) {
            done.completeExceptionally(new ServiceUnavailableException("the " + name + " is full; retry shortly"));
        }
        return done;
    }

    /** Writes what is queued, then stops the writer. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
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

    private void write(List<Pending<T, R>> batch) {
        List<T> items = new ArrayList<>(batch.size());
        for (Pending<T, R> p : batch) {
            items.add(p.item());
        }
        List<R> results;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                results = writer.write(connection, items);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("%s: could not write %d items: %s", name, batch.size(), e.getMessage());
            ServiceUnavailableException failure = new ServiceUnavailableException(
                    "the " + name + " could not be written; nothing was stored; retry shortly");
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }
}
