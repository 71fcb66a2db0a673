package dev.switchboard.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts Switchboard. With no {@code quarkus.datasource.jdbc.url} configured it first starts the embedded PostgreSQL
 * in {@code switchboard.data-dir} and points the datasource at it; {@link EmbeddedDatabaseLifecycle} stops that
 * database as the last step of shutdown (SIGTERM included), and the exit handler here stops it when the start fails,
 * so nothing is left running.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) throws Exception {
        if (ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class).isEmpty()) {
            Path dataDir = Path.of(ConfigProvider.getConfig().getOptionalValue("switchboard.data-dir", String.class)
                    .orElse(System.getProperty("user.home") + "/.switchboard/data"));
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
        }
        // a start that fails (a port in use, a bad migration) exits through here, without a shutdown event
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null) {
                Logger.getLogger(Main.class).error("Switchboard could not start", failure);
            }
            EmbeddedDatabase.stopRunning();
            System.exit(exitCode);
        }, args);
    }
}
