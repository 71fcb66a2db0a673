package dev.switchboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the decision log cannot reach the database (the datasource's own check says the same from its
 * side); it shows how many decisions wait in memory to be written.
 */
@Readiness
@ApplicationScoped
public class DecisionLogReadiness implements HealthCheck {

    private final DecisionLog log;

    DecisionLogReadiness(DecisionLog log) {
        this.log = log;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("decision log").status(!log.outage())
                .withData("unwrittenDecisions", log.unwritten()).build();
    }
}
