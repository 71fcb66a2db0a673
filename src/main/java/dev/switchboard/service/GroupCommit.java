package dev.switchboard.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Group commit: requests hand in what they want written and get a future; one writer thread takes everything that is
 * waiting, writes it in one transaction, and completes every future when that transaction has committed. One fsync
 * then serves as many requests as arrived while the previous batch was being written, no request thread waits on
 * JDBC, and no lock is held across I/O.
 *
 * <p>One writer: on two cores more writers in parallel measured slower for decisions (11.9k selects/s with one, 8.5k
 * with two, 5.0k with four), the database's CPU being the limit rather than the commit's latency.
 *
 * <p>At most {@code capacity} items are unwritten at a time; beyond that a request is refused at once with
 * {@link ServiceUnavailableException} (503) rather than queued without end.
 *
 * <p>When a batch fails, what happens depends on why. If the database could not be reached (a connection error, see
 * {@link DatabaseOutage}), a log built to <em>refuse</em> fails every item of the batch with 503 and keeps nothing; a log
 * built to <em>hold</em> answers every item submitted as one that may be held with its {@code heldResult} at once,
 * keeps those items, and retries them, first in line, until the database is back; the others it refuses. Any other failure is a problem of some item in the
 * batch, not of the database: the batch is then written item by item, each in its own transaction, so that one bad
 * item is refused (503) alone and the others are written.
 *
 * @param <T> what one request hands in
 * @param <R> what it gets back once committed
 */
final class GroupCommit<T, R> {

    /**
     * Writes one batch with one statement on a connection in auto-commit mode, so that PostgreSQL commits it by itself:
     * one round trip per batch. Results are aligned with the items.
     */
    @FunctionalInterface
    interface BatchWriter<T, R> {
        List<R> write(Connection connection, List<T> items) throws SQLException;
    }

    static final int MAX_BATCH = 4_096;
    private static final long FIRST_RETRY_MILLIS = 50;
    private static final long LAST_RETRY_MILLIS = 1_000;

    private record Pending<T, R>(T item, boolean mayHold, CompletableFuture<R> done) {
    }

    private final String name;
    private final AgroalDataSource dataSource;
    private final BatchWriter<T, R> writer;
    private final int capacity;
    private final R heldResult;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Pending<T, R>> held = new ConcurrentLinkedDeque<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private volatile boolean outage;
    private volatile boolean running = true;
    private volatile long stopPatienceNanos;
    private final Thread thread;

    /** A log that refuses (503) what it cannot write. */
    static <T, R> GroupCommit<T, R> refusing(String name, AgroalDataSource dataSource, int capacity,
            BatchWriter<T, R> writer) {
        return new GroupCommit<>(name, dataSource, capacity, writer, null);
    }

    /** A log that, while the database is unreachable, answers {@code heldResult} and writes when it is back. */
    static <T, R> GroupCommit<T, R> holding(String name, AgroalDataSource dataSource, int capacity,
            BatchWriter<T, R> writer, R heldResult) {
        return new GroupCommit<>(name, dataSource, capacity, writer, heldResult);
    }

    private GroupCommit(String name, AgroalDataSource dataSource, int capacity, BatchWriter<T, R> writer,
            R heldResult) {
        this.name = name;
        this.dataSource = dataSource;
        this.writer = writer;
        this.capacity = capacity;
        this.heldResult = heldResult;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** {@link #submit(Object, boolean)} of an item that may not be held. */
    CompletableFuture<R> submit(T item) {
        return submit(item, false);
    }

    /**
     * Completes once {@code item} is committed or, for a holding log and an item that {@code mayHold}, with the held
     * result as soon as the database is found unreachable. Fails with {@link ServiceUnavailableException} if it
     * cannot be written, or cannot be written now and may not be held.
     */
    CompletableFuture<R> submit(T item, boolean mayHold) {
        CompletableFuture<R> done = new CompletableFuture<>();
        if (unwritten.incrementAndGet() > capacity) {
            unwritten.decrementAndGet();
            done.completeExceptionally(new ServiceUnavailableException("the " + name + " is full ("
                    + capacity + " items not yet written); retry shortly"));
            return done;
        }
        boolean holdable = mayHold && heldResult != null;
        queue.add(new Pending<>(item, holdable, done));
        if (outage && holdable) {
            done.complete(heldResult);
        }
        return done;
    }

    /** Items accepted and not yet written (queued, or held while the database is unreachable). */
    int unwritten() {
        return unwritten.get();
    }

    /** Whether the last attempt to write failed because the database could not be reached. */
    boolean outage() {
        return outage;
    }

    /** Whether an accepted item that is not yet written matches. Scans everything unwritten: for rare paths only. */
    boolean holdsUnwritten(Predicate<T> match) {
        return held.stream().anyMatch(p -> match.test(p.item())) || queue.stream().anyMatch(p -> match.test(p.item()));
    }

    /**
     * Writes what is queued, retrying for up to {@code patience} while the database cannot be reached, then stops the
     * writer.
     */
    void stop(Duration patience) throws InterruptedException {
        stopPatienceNanos = patience.toNanos();
        running = false;
        thread.join(patience.toMillis() + 1_000);
        if (unwritten.get() > 0) {
            Log.errorf("%s: stopped with %d items not written", name, unwritten.get());
        }
    }

    private void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        long stopDeadline = Long.MAX_VALUE;
        List<Pending<T, R>> batch = new ArrayList<>();
        while (true) {
            if (!running && stopDeadline == Long.MAX_VALUE) {
                stopDeadline = System.nanoTime() + stopPatienceNanos;
            }
            if (!running && (unwritten.get() == 0 || System.nanoTime() > stopDeadline)) {
                return;
            }
            try {
                for (Pending<T, R> h = held.pollFirst(); h != null && batch.size() < MAX_BATCH; h = held.pollFirst()) {
                    batch.add(h);
                }
                if (batch.isEmpty()) {
                    Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (outage) {
                            probe();
                        }
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
                if (write(batch)) {
                    retryMillis = FIRST_RETRY_MILLIS;
                } else {
                    Thread.sleep(retryMillis);
                    retryMillis = Math.min(LAST_RETRY_MILLIS, retryMillis * 2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** @return false if the database could not be reached (the batch is then held or refused) */
    private boolean write(List<Pending<T, R>> batch) {
        try {
            complete(batch, commit(batch));
            if (outage) {
                Log.infof("%s: the database can be reached again", name);
            }
            outage = false;
            return true;
        } catch (SQLException | RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                if (!outage) {
                    Log.warnf("%s: the database cannot be reached (%s); %s", name, e.getMessage(),
                            heldResult == null ? "refusing writes" : "holding writes until it is back");
                }
                outage = true;
                holdOrRefuse(batch);
                return false;
            }
            if (batch.size() == 1) {
                Log.warnf("%s: could not write an item: %s", name, e.getMessage());
                refuse(batch, "the " + name + " could not store this; nothing was stored");
                return true;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!write(List.of(batch.get(i)))) {
                    holdOrRefuse(batch.subList(i + 1, batch.size()));
                    return false;
                }
            }
            return true;
        }
    }

    private void holdOrRefuse(List<Pending<T, R>> batch) {
        List<Pending<T, R>> refused = new ArrayList<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            Pending<T, R> pending = batch.get(i);
            if (pending.mayHold()) {
                pending.done().complete(heldResult);
                held.addFirst(pending);
            } else {
                refused.add(pending);
            }
        }
        refuse(refused, "the database cannot be reached; nothing was stored; retry shortly");
    }

    /** With nothing to write, finds out whether the database is back, so that readiness does not wait for traffic. */
    private void probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(1)) {
                outage = false;
                Log.infof("%s: the database can be reached again", name);
            }
        } catch (SQLException e) {
            // still away
        }
    }

    private List<R> commit(List<Pending<T, R>> batch) throws SQLException {
        List<T> items = new ArrayList<>(batch.size());
        for (Pending<T, R> p : batch) {
            items.add(p.item());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return writer.write(connection, items);
        }
    }

    private void complete(List<Pending<T, R>> batch, List<R> results) {
        unwritten.addAndGet(-batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    private void refuse(List<Pending<T, R>> batch, String reason) {
        unwritten.addAndGet(-batch.size());
        ServiceUnavailableException failure = new ServiceUnavailableException(reason);
        for (Pending<T, R> p : batch) {
            if (!p.done().completeExceptionally(failure) && heldResult != null) {
                Log.errorf("%s: an item already answered as held could not be written and is lost", name);
            }
        }
    }
}
