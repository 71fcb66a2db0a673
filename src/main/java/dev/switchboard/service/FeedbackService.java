package dev.switchboard.service;

import dev.switchboard.store.FeedbackBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stores a reward durably, through the {@link FeedbackLog}'s group commit, then lets the policy learn from it. Learning
 * runs on a thread of its own, not on the log's writer, so that the writer goes on to the next batch while the last
 * one is learned from (a policy folds its feedback in ordinal order whatever thread delivers it).
 */
@ApplicationScoped
public class FeedbackService {

    /** Created when the bean is, at run time: a native image may not hold a thread pool built at build time. */
    private final ExecutorService learner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "feedback learner");
        thread.setDaemon(true);
        return thread;
    });

    private final PolicyRegistry registry;
    private final FeedbackLog log;
    private final DecisionLog decisions;
    private final Clock clock;
    private final SwitchboardMetrics metrics;

    FeedbackService(PolicyRegistry registry, FeedbackLog log, DecisionLog decisions, Clock clock,
            SwitchboardMetrics metrics) {
        this.registry = registry;
        this.log = log;
        this.decisions = decisions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Completes once the reward is committed, and the policy has learned from it; fails with
     * {@link UnknownEntityException} for an unknown decision, {@link ConflictException} for a second reward, and
     * {@link ServiceUnavailableException} when it cannot be stored now (the database, or the decision, is not there
     * yet).
     *
     * @throws UnprocessableException at once for a reward outside [0, 1]
     */
    public CompletionStage<Void> record(UUID decisionId, double reward) {
        long start = System.nanoTime();
        if (!(reward >= 0 && reward <= 1)) {
            throw new UnprocessableException("reward must be in [0, 1], got " + reward, "/reward");
        }
        return log.append(new FeedbackBatch.Item(decisionId, reward, clock.instant())).thenAcceptAsync(outcome -> {
            if (outcome instanceof FeedbackBatch.Unknown) {
                if (decisions.holds(decisionId) || DecisionIds.mayStillBeHeld(decisionId, clock.instant())) {
                    throw new ServiceUnavailableException("decision " + decisionId + " is not in the log yet: it was"
                            + " made while the database could not be reached and waits in the memory of the instance"
                            + " that made it; retry shortly");
                }
                throw new UnknownEntityException("decision " + decisionId + " does not exist");
            }
            if (outcome instanceof FeedbackBatch.Duplicate) {
                throw new ConflictException("decision " + decisionId + " already has feedback");
            }
            FeedbackBatch.Stored stored = (FeedbackBatch.Stored) outcome;
            LivePolicy live = registry.byId(stored.decision().policyId()).orElse(null);
            if (live != null) {
                live.deliver(stored.feedback());
                metrics.rewarded(live.definition().name(),
                        live.definition().arm(stored.feedback().armPosition()).id(), reward,
                        System.nanoTime() - start);
            }
        }, learner);
    }
}
