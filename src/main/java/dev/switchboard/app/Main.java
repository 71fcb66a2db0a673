package dev.switchboard.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Switchboard. With no {@code quarkus.datasource.jdbc.url} configured it first starts the embedded PostgreSQL
 * in {@code switchboard.data-dir} and points the datasource at it; it stops that database only after Quarkus has
 * stopped (SIGTERM included), so nothing is left running and shutdown work still has its database.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) throws Exception {
        if (ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(ConfigProvider.getConfig().getOptionalValue("switchboard.data-dir", String.class)
                .orElse(System.getProperty("user.home") + "/.switchboard/data"));
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "embedded-postgres-stop"));
        try {
            Quarkus.run(args);
        } finally {
            database.close();
            stopped.countDown();
        }
    }
}
