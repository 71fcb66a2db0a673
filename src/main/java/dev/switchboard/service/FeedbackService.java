package dev.switchboard.service;

import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.FeedbackBatch;
import dev.switchboard.store.FeedbackRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Stores a reward durably, through the {@link FeedbackLog}'s group commit, then lets the policy learn from it. Learning
 * runs on a thread of its own, not on the log's writer, so that the writer goes on to the next batch while the last
 * one is learned from (a policy folds its feedback in ordinal order whatever thread delivers it).
 */
@ApplicationScoped
public class FeedbackService {

    private static final Logger LOG = Logger.getLogger(FeedbackService.class);

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
            FeedbackRecord feedback = stored.feedback();
            LivePolicy live = registry.byId(stored.decision().policyId()).orElse(null);
            if (live != null) {
                live.deliver(feedback);
                armId(live, feedback.armPosition()).ifPresent(arm -> metrics.rewarded(live.definition().name(), arm,
                        reward, System.nanoTime() - start));
            }
        }, learner);
    }

    /**
     * The id of the arm at {@code position}. An arm that another instance added moments ago is not in this
     * instance's definition yet: it is looked up in the store. Empty only if that fails, when the reward, stored and
     * learned, goes uncounted in the metrics (the log follower takes up the definition within its interval).
     */
    private Optional<String> armId(LivePolicy live, int position) {
        if (position >= live.definition().arms().size()) {
            try {
                registry.takeUpStoredDefinition(live);
            } catch (RuntimeException e) {
                LOG.warnf("arm %d of policy %s is not known here yet, and its definition could not be read: %s",
                        position, live.definition().name(), e.getMessage());
            }
        }
        List<ArmRecord> arms = live.definition().arms();
        return position < arms.size() ? Optional.of(arms.get(position).id()) : Optional.empty();
    }
}
