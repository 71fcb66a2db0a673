package dev.switchboard.service;

import dev.switchboard.store.DecisionRecord;
import dev.switchboard.store.DecisionStore;
import dev.switchboard.store.FeedbackRecord;
import dev.switchboard.store.FeedbackStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.UUID;

/** Stores a reward durably, then lets the policy learn from it. */
@ApplicationScoped
public class FeedbackService {

    private final PolicyRegistry registry;
    private final DecisionStore decisions;
    private final FeedbackStore feedback;
    private final SwitchboardMetrics metrics;

    FeedbackService(PolicyRegistry registry, DecisionStore decisions, FeedbackStore feedback,
            SwitchboardMetrics metrics) {
        this.registry = registry;
        this.decisions = decisions;
        this.feedback = feedback;
        this.metrics = metrics;
    }

    /** Returns once the reward is committed; the learned state includes it when this returns. */
    public void record(UUID decisionId, double reward) {
        long start = System.nanoTime();
        if (!(reward >= 0 && reward <= 1)) {
            throw new UnprocessableException("reward must be in [0, 1], got " + reward, "/reward");
        }
        record Stored(DecisionRecord decision, long ordinal) {
        }
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            DecisionRecord decision = decisions.find(decisionId)
                    .orElseThrow(() -> new UnknownEntityException("decision " + decisionId + " does not exist"));
            if (feedback.exists(decisionId)) {
                throw duplicate(decisionId);
            }
            OptionalLong ordinal = feedback.insert(decision, reward);
            if (ordinal.isEmpty()) {
                throw duplicate(decisionId);
            }
            return new Stored(decision, ordinal.getAsLong());
        });
        LivePolicy live = registry.byId(stored.decision().policyId()).orElse(null);
        if (live == null) {
            return;
        }
        FeedbackRecord applied = new FeedbackRecord(stored.ordinal(), stored.decision().armPosition(), reward,
                stored.decision().context());
        live.deliver(applied);
        String policy = live.definition().name();
        metrics.rewarded(policy, live.definition().arm(applied.armPosition()).id(), reward, System.nanoTime() - start);
    }

    private static ConflictException duplicate(UUID decisionId) {
        return new ConflictException("decision " + decisionId + " already has feedback");
    }
}
