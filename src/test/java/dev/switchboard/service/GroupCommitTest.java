package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group commit's contract: results per item after commit, 503 for a failed batch or a full queue. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GroupCommitTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyItemGetsItsOwnResultOnceTheBatchCommits() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>("test log", dataSource, 1024,
                (connection, items) -> items.stream().map(i -> i * 10).toList());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            results.add(commits.submit(i));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(i * 10, results.get(i).get(10, TimeUnit.SECONDS));
        }
        commits.stop();
    }

    @Test
    void aBatchThatFailsIsRefusedAsAWholeWith503() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>("test log", dataSource, 1024, (connection, items) -> {
            throw new SQLException("the database went away");
        });
        CompletableFuture<Integer> result = commits.submit(1);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ServiceUnavailableException.class, failure.getCause());
        commits.stop();
    }

    @Test
    void aFullQueueRefusesAtOnceWith503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commits = new GroupCommit<>("test log", dataSource, 2, (connection, items) -> {
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
        commits.stop();
    }
}
