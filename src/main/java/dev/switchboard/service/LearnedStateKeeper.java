package dev.switchboard.service;

import dev.switchboard.store.SnapshotRecord;
import dev.switchboard.store.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps the learned state in memory current and recoverable: loads every policy at start, folds in feedback that
 * reached the log by another path (another replica, or a request that failed between commit and apply), and writes
 * snapshots so that a restart replays only the feedback since the last one.
 */
@ApplicationScoped
public class LearnedStateKeeper {

    private static final Logger LOG = Logger.getLogger(LearnedStateKeeper.class);

    private final PolicyRegistry registry;
    private final SnapshotStore snapshots;

    LearnedStateKeeper(PolicyRegistry registry, SnapshotStore snapshots) {
        this.registry = registry;
        this.snapshots = snapshots;
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        registry.loadAll();
        LOG.infof("loaded %d policies in %d ms", registry.all().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Scheduled(every = "${switchboard.sync-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${switchboard.sync-interval}")
    void followLog() {
        try {
            registry.synchronise();
        } catch (RuntimeException e) {
            LOG.warnf("could not follow the feedback log: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${switchboard.snapshot-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${switchboard.snapshot-interval}")
    void writeSnapshots() {
        for (LivePolicy live : registry.all()) {
            SnapshotRecord snapshot = live.snapshotIfChanged();
            if (snapshot != null) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> snapshots.save(live.definition().id(), snapshot));
                } catch (RuntimeException e) {
                    LOG.warnf("snapshot of policy %s not written: %s", live.definition().name(), e.getMessage());
                }
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        writeSnapshots();
    }
}
