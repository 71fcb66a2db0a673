package dev.switchboard.service;

import dev.switchboard.app.SwitchboardConfig;
import dev.switchboard.store.DecisionPartitions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Keeps the decision log's day partitions ahead of time and drops those past {@code switchboard.decision-retention}:
 * at start, and every hour. Learned state never reads decisions (feedback rows carry their context, arms count their
 * decisions), so dropping a partition changes nothing learned; only feedback for a dropped decision gets 404.
 */
@ApplicationScoped
public class DecisionRetention {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SwitchboardConfig config;

    DecisionRetention(AgroalDataSource dataSource, Clock clock, SwitchboardConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        maintain();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        try {
            maintain();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("decision partitions not maintained (next try in an hour; %d days are ready ahead): %s",
                    DecisionPartitions.DAYS_AHEAD, e.getMessage());
        }
    }

    /** Creates the partitions that are due and drops the expired ones. */
    public DecisionPartitions.Changes maintain() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DecisionPartitions.Changes changes = DecisionPartitions.maintain(connection, clock.instant(),
                        config.decisionRetention());
                connection.commit();
                if (!changes.created().isEmpty() || !changes.dropped().isEmpty()) {
                    Log.infof("decision partitions created %s, dropped %s", changes.created(), changes.dropped());
                }
                return changes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
