package dev.switchboard.store;

import static dev.switchboard.support.Api.put;
import static dev.switchboard.support.Api.uniqueName;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A policy changed, created or deleted on several instances at once, as replicas do: every change counts, none
 * overwrites another's, and a PUT on an instance that has not followed the store yet does what it would do on one that
 * has.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PolicyChangesAcrossInstancesTest {

    @Inject
    PolicyStore policies;

    @Test
    void twoChangesAtOnceTakeTurnsAndEachBumpsTheVersion() throws Exception {
        String name = uniqueName("changed-twice");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\"]}").statusCode(201);
        PolicyRecord created = QuarkusTransaction.requiringNew().call(() -> policies.findByName(name).orElseThrow());
        List<ArmRecord> arms = created.arms();
        ExecutorService otherReplica = Executors.newSingleThreadExecutor();
        try {
            Future<PolicyRecord> second = QuarkusTransaction.requiringNew().call(() -> {
                policies.update(created.id(), "{\"priorAlpha\":2.0}", stored -> arms);
                Future<PolicyRecord> waiting = otherReplica.submit(() -> QuarkusTransaction.requiringNew()
                        .call(() -> policies.update(created.id(), "{\"priorAlpha\":3.0}", stored -> arms)
                                .orElseThrow()));
                // the other change has read the policy, or waits to: without the row's lock it would read version 1
                Thread.sleep(300);
                return waiting;
            });
            assertEquals(created.version() + 2, second.get(10, TimeUnit.SECONDS).version());
        } finally {
            otherReplica.shutdown();
        }
        PolicyRecord stored = QuarkusTransaction.requiringNew().call(() -> policies.findByName(name).orElseThrow());
        assertEquals(created.version() + 2, stored.version());
        assertEquals("{\"priorAlpha\":3.0}", stored.params());
    }

    @Test
    void aPolicyCreatedByAnotherInstanceAMomentAgoIsUpdatedByAPutHere() {
        String name = uniqueName("created-elsewhere");
        QuarkusTransaction.requiringNew().run(() -> policies.create(name, "thompson", "{}",
                List.of(new ArmRecord(0, "a0", null, null, true))));

        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\"]}").statusCode(200)
                .body("version", equalTo(2)).body("arms.id", contains("a0", "a1"));
    }

    @Test
    void aPutOnAnInstanceThatMissedAnArmAddedElsewhereKeepsThatArmsPlace() {
        String name = uniqueName("arm-added-elsewhere");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\"]}").statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> policies.update(policies.findByName(name).orElseThrow().id(), "{}",
                stored -> List.of(stored.arms().get(0), stored.arms().get(1),
                        new ArmRecord(2, "added-elsewhere", null, null, true))));

        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\",\"a1\",\"added-here\"]}").statusCode(200)
                .body("version", equalTo(3)).body("arms.id", contains("a0", "a1", "added-elsewhere", "added-here"))
                .body("arms.status", contains("active", "active", "retired", "active"));
    }

    @Test
    void aPutOnAnInstanceThatMissedADeletionCreatesThePolicyAnew() {
        String name = uniqueName("deleted-elsewhere");
        put(name, "{\"algorithm\":\"thompson\",\"arms\":[\"a0\"]}").statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> policies.delete(name));

        put(name, "{\"algorithm\":\"linucb\",\"arms\":[\"b0\"]}").statusCode(201)
                .body("version", equalTo(1)).body("algorithm", equalTo("linucb")).body("arms.id", contains("b0"));
    }
}
