package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The group commit's contract: results per item after commit; 503 for a full log, and for a batch that cannot reach
 * the database unless the log holds it until the database is back; one bad item refused alone.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GroupCommitTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyItemGetsItsOwnResultOnceTheBatchCommits() throws Exception {
        GroupCommit<Integer, Integer> commits = GroupCommit.refusing("test log", dataSource, 1024,
                (connection, items) -> items.stream().map(i -> i * 10).toList());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            results.add(commits.submit(i));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(i * 10, results.get(i).get(10, TimeUnit.SECONDS));
        }
        commits.stop(Duration.ZERO);
    }

    @Test
    void aBatchThatCannotReachTheDatabaseIsRefusedAsAWholeWith503() throws Exception {
        GroupCommit<Integer, Integer> commits = GroupCommit.refusing("test log", dataSource, 1024, (connection, items) -> {
            throw new SQLException("the database went away", "08006");
        });
        CompletableFuture<Integer> result = commits.submit(1);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ServiceUnavailableException.class, failure.getCause());
        commits.stop(Duration.ZERO);
    }

    @Test
    void aFullQueueRefusesAtOnceWith503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commits = GroupCommit.refusing("test log", dataSource, 2, (connection, items) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return items;
        });
        CompletableFuture<Integer> writing = commits.submit(1);
        Thread.sleep(200);
        commits.submit(2);
        commits.submit(3);
        CompletableFuture<Integer> refused = commits.submit(4);
        assertInstanceOf(ServiceUnavailableException.class,
                assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS)).getCause());
        release.countDown();
        assertEquals(1, writing.get(10, TimeUnit.SECONDS));
        commits.stop(Duration.ZERO);
    }

    @Test
    void aHoldingLogAnswersAtOnceWhileTheDatabaseIsAwayAndWritesEverythingWhenItIsBack() throws Exception {
        AtomicBoolean away = new AtomicBoolean(true);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commits = GroupCommit.holding("test log", dataSource, 1024, (connection, items) -> {
            if (away.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            written.addAll(items);
            return items.stream().map(i -> "committed").toList();
        }, "held");
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(commits.submit(i, true));
        }
        CompletableFuture<String> notHoldable = commits.submit(-1, false);
        assertInstanceOf(ServiceUnavailableException.class,
                assertThrows(ExecutionException.class, () -> notHoldable.get(10, TimeUnit.SECONDS)).getCause(),
                "an item that may not be held is refused while the database is away");
        for (CompletableFuture<String> answer : answers) {
            assertEquals("held", answer.get(10, TimeUnit.SECONDS));
        }
        assertTrue(commits.outage());
        assertEquals(300, commits.unwritten());
        assertTrue(commits.holdsUnwritten(i -> i == 299));
        assertEquals(List.of(), written);

        away.set(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.unwritten() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, commits.unwritten(), "the held items are written once the database is back");
        assertFalse(commits.outage());
        assertEquals("committed", commits.submit(300).get(10, TimeUnit.SECONDS));
        assertEquals(301, written.size());
        assertEquals(301, new HashSet<>(written).size(), "every item written exactly once");
        assertFalse(written.contains(-1), "the refused item was not written");
        commits.stop(Duration.ZERO);
    }

    @Test
    void aHoldingLogRefusesWith503OnceItsBufferIsFull() throws Exception {
        GroupCommit<Integer, String> commits = GroupCommit.holding("test log", dataSource, 5, (connection, items) -> {
            throw new SQLException("Connection refused", "08001");
        }, "held");
        for (int i = 0; i < 5; i++) {
            assertEquals("held", commits.submit(i, true).get(10, TimeUnit.SECONDS));
        }
        CompletableFuture<String> refused = commits.submit(5, true);
        assertInstanceOf(ServiceUnavailableException.class,
                assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS)).getCause());
        assertEquals(5, commits.unwritten());
        commits.stop(Duration.ZERO);
    }

    @Test
    void anItemTheDatabaseRejectsIsRefusedAloneAndTheRestOfItsBatchIsWritten() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commits = GroupCommit.refusing("test log", dataSource, 1024, (connection, items) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (items.contains(13)) {
                throw new SQLException("insert violates foreign key constraint", "23503");
            }
            written.addAll(items);
            return items;
        });
        CompletableFuture<Integer> first = commits.submit(0);
        Thread.sleep(200);
        List<CompletableFuture<Integer>> batch = new ArrayList<>();
        for (int i = 10; i < 20; i++) {
            batch.add(commits.submit(i));
        }
        release.countDown();
        assertEquals(0, first.get(10, TimeUnit.SECONDS));
        for (int i = 10; i < 20; i++) {
            CompletableFuture<Integer> result = batch.get(i - 10);
            if (i == 13) {
                assertInstanceOf(ServiceUnavailableException.class,
                        assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS)).getCause());
            } else {
                assertEquals(i, result.get(10, TimeUnit.SECONDS));
            }
        }
        assertFalse(written.contains(13));
        assertEquals(10, written.size());
        commits.stop(Duration.ZERO);
    }

    @Test
    void aLogWithNothingToWriteNoticesByItselfThatTheDatabaseIsBack() throws Exception {
        GroupCommit<Integer, Integer> commits = GroupCommit.refusing("test log", dataSource, 16,
                (connection, items) -> {
                    throw new SQLException("Connection refused", "08001");
                });
        CompletableFuture<Integer> refused = commits.submit(1);
        assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertTrue(commits.outage(), "the failed write showed the database away");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commits.outage() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(commits.outage(), "the database (which is up) was probed without any new write");
        commits.stop(Duration.ZERO);
    }
}
