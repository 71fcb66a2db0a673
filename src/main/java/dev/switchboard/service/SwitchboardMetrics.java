package dev.switchboard.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every metric of the service, declared here and nowhere else. Tags are {@code policy} and {@code arm} only: never a
 * decision id or anything else of unbounded cardinality.
 *
 * <ul>
 *   <li>{@code switchboard_decisions_total{policy,arm}}: selections</li>
 *   <li>{@code switchboard_feedback_total{policy,arm}}: rewards received</li>
 *   <li>{@code switchboard_reward{policy,arm}}: distribution of rewards (sum / count is the mean)</li>
 *   <li>{@code switchboard_select_seconds{policy}}, {@code switchboard_feedback_seconds{policy}}: latency</li>
 * </ul>
 */
@ApplicationScoped
public class SwitchboardMetrics {

    /** The meters of one policy and arm, looked up once: building and registering a meter per request is costly. */
    private record ArmMeters(Counter decisions, Counter feedback, DistributionSummary reward, Timer select,
            Timer feedbackLatency) {
    }

    private record Key(String policy, String arm) {
    }

    private final MeterRegistry registry;
    private final Map<Key, ArmMeters> meters = new ConcurrentHashMap<>();

    SwitchboardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void selected(String policy, String arm, long nanos) {
        ArmMeters m = meters(policy, arm);
        m.decisions().increment();
        m.select().record(nanos, TimeUnit.NANOSECONDS);
    }

    void rewarded(String policy, String arm, double reward, long nanos) {
        ArmMeters m = meters(policy, arm);
        m.feedback().increment();
        m.reward().record(reward);
        m.feedbackLatency().record(nanos, TimeUnit.NANOSECONDS);
    }

    private ArmMeters meters(String policy, String arm) {
        return meters.computeIfAbsent(new Key(policy, arm), k -> new ArmMeters(
                Counter.builder("switchboard.decisions").description("Selections made").tag("policy", policy)
                        .tag("arm", arm).register(registry),
                Counter.builder("switchboard.feedback").description("Rewards received").tag("policy", policy)
                        .tag("arm", arm).register(registry),
                DistributionSummary.builder("switchboard.reward").description("Rewards received")
                        .tag("policy", policy).tag("arm", arm).register(registry),
                latency("switchboard.select", policy),
                latency("switchboard.feedback", policy)));
    }

    private Timer latency(String name, String policy) {
        return Timer.builder(name).description("Time to answer").tag("policy", policy)
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Drops the meters of a deleted policy. */
    void forget(String policy) {
        meters.keySet().removeIf(key -> key.policy().equals(policy));
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("switchboard.") && policy.equals(meter.getId().getTag("policy"))) {
                registry.remove(meter);
            }
        }
    }
}
