package dev.switchboard.app;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Switchboard's own settings (prefix {@code switchboard}); each has a default. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    /**
     * Where the embedded PostgreSQL keeps its files when no {@code quarkus.datasource.jdbc.url} is set
     * (env {@code SWITCHBOARD_DATA_DIR}); default {@code ~/.switchboard/data}. Read by {@link Main} before start.
     */
    Optional<String> dataDir();

    /** Largest accepted request body; larger ones get 413. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /**
     * How often each instance folds in feedback that reached the log by another path (e.g. another replica). What one
     * replica learned is visible on every other within this interval plus the time to fold it: at most 1 s with the
     * default.
     */
    @WithDefault("500ms")
    Duration syncInterval();

    /** How often learned state is snapshotted, bounding the replay after a restart. */
    @WithDefault("30s")
    Duration snapshotInterval();

    /**
     * How many decisions an instance holds in memory while the database cannot be reached; {@code /select} answers
     * 503 once that many are waiting to be written.
     */
    @WithDefault("65536")
    int decisionBuffer();

    /**
     * How long decisions are kept. The decision log is partitioned by day (UTC); a day's partition is dropped once
     * all of it is older than this. Feedback for a decision must arrive within this time.
     */
    @WithDefault("30d")
    Duration decisionRetention();
}
