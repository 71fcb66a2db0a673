package dev.switchboard.app;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the embedded database, if this process started one, after every other shutdown observer has run. */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.stopRunning();
    }
}
