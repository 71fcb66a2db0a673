package dev.switchboard.service;

import dev.switchboard.app.SwitchboardConfig;
import dev.switchboard.store.SnapshotRecord;
import dev.switchboard.store.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final Duration syncInterval;
    private ScheduledExecutorService follower;
    private boolean followFailing;

    LearnedStateKeeper(PolicyRegistry registry, SnapshotStore snapshots, SwitchboardConfig config) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.syncInterval = config.syncInterval();
    }

    /**
     * Loads every policy, then follows the feedback log every {@code switchboard.sync-interval} on a thread of its
     * own: the framework's scheduler does not run jobs more often than once a second, and the staleness bound of
     * replicas is this interval.
     */
    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        registry.loadAll();
        LOG.infof("loaded %d policies in %d ms", registry.all().size(), (System.nanoTime() - start) / 1_000_000);
        follower = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "feedback log follower");
            thread.setDaemon(true);
            return thread;
        });
        long millis = syncInterval.toMillis();
        follower.scheduleWithFixedDelay(this::followLog, millis, millis, TimeUnit.MILLISECONDS);
    }

    void followLog() {
        try {
            registry.synchronise();
            if (followFailing) {
                LOG.info("following the feedback log again");
                followFailing = false;
            }
        } catch (RuntimeException e) {
            if (!followFailing) {
                LOG.warnf("could not follow the feedback log (retrying every %s): %s", syncInterval, e.getMessage());
                followFailing = true;
            }
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
        if (follower != null) {
            follower.shutdownNow();
        }
        writeSnapshots();
    }
}
