package dev.switchboard.service;

import dev.switchboard.learning.PolicyModel;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.store.FeedbackRecord;
import dev.switchboard.store.SnapshotRecord;
import java.util.TreeMap;

/**
 * One policy in memory: its current definition, its learned model, and how far into its feedback log the model has
 * folded. Feedback reaches it out of order (concurrent requests, the log reader); it is applied strictly in ordinal
 * order, so the model always equals the fold of ordinals {@code 1..applied}.
 */
final class LivePolicy {

    private volatile PolicyDefinition definition;
    private final PolicyModel model;
    private final TreeMap<Long, FeedbackRecord> pending = new TreeMap<>();
    private long applied;
    private long snapshotOrdinal;

    LivePolicy(PolicyDefinition definition, PolicyModel model, long applied) {
        this.definition = definition;
        this.model = model;
        this.applied = applied;
        this.snapshotOrdinal = applied;
    }

    PolicyDefinition definition() {
        return definition;
    }

    PolicyModel model() {
        return model;
    }

    /**
     * Swaps in a new definition of the same policy, adding the learner state of any new arms. A definition older than
     * the one held is ignored: a synchronisation that read the store just before a change made here.
     */
    synchronized void redefine(PolicyDefinition newDefinition) {
        if (newDefinition.version() < definition.version()) {
            return;
        }
        while (model.arms() < newDefinition.arms().size()) {
            model.addArm();
        }
        model.reconfigure(newDefinition.config());
        definition = newDefinition;
    }

    /** Queues a committed feedback and folds every feedback that is now next in line. */
    synchronized void deliver(FeedbackRecord feedback) {
        if (feedback.ordinal() <= applied) {
            return;
        }
        pending.put(feedback.ordinal(), feedback);
        for (FeedbackRecord next = pending.remove(applied + 1); next != null; next = pending.remove(applied + 1)) {
            // an arm that another instance added, whose definition this one has not taken up yet
            while (model.arms() <= next.armPosition()) {
                model.addArm();
            }
            Context context = ContextCodec.decode(Json.parse(next.context()), "/context");
            model.learn(next.armPosition(), context, next.reward());
            applied = next.ordinal();
        }
    }

    synchronized long applied() {
        return applied;
    }

    /** The model's state with the ordinal it includes, or null if nothing was learned since the last snapshot. */
    synchronized SnapshotRecord snapshotIfChanged() {
        if (applied == snapshotOrdinal) {
            return null;
        }
        snapshotOrdinal = applied;
        return new SnapshotRecord(applied, model.snapshot());
    }
}
