package dev.switchboard.service;

import dev.switchboard.learning.Algorithms;
import dev.switchboard.learning.PolicyConfig;
import dev.switchboard.learning.PolicyModel;
import dev.switchboard.store.FeedbackRecord;
import dev.switchboard.store.FeedbackStore;
import dev.switchboard.store.PolicyRecord;
import dev.switchboard.store.PolicyStore;
import dev.switchboard.store.SnapshotRecord;
import dev.switchboard.store.SnapshotStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live policies of this process, by name and by id. A policy is loaded from its latest snapshot plus a replay
 * of the feedback logged since; afterwards {@link LivePolicy#deliver} keeps it current.
 */
@ApplicationScoped
public class PolicyRegistry {

    private static final int REPLAY_PAGE = 10_000;

    private final PolicyStore policies;
    private final FeedbackStore feedback;
    private final SnapshotStore snapshots;
    private final SwitchboardMetrics metrics;
    private final Map<String, LivePolicy> byName = new ConcurrentHashMap<>();
    private final Map<Long, LivePolicy> byId = new ConcurrentHashMap<>();

    PolicyRegistry(PolicyStore policies, FeedbackStore feedback, SnapshotStore snapshots, SwitchboardMetrics metrics) {
        this.policies = policies;
        this.feedback = feedback;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    /** Loads every stored policy that is not live yet. */
    public void loadAll() {
        List<PolicyRecord> stored = QuarkusTransaction.requiringNew().call(policies::findAll);
        for (PolicyRecord record : stored) {
            if (!byId.containsKey(record.id())) {
                register(load(record));
            }
        }
    }

    /**
     * Brings this process in line with the store: loads policies created elsewhere, drops policies deleted elsewhere,
     * takes up definitions changed elsewhere (arms added or retired, params), and folds in feedback that was logged
     * beyond what a live policy has applied. One query when nothing changed.
     */
    public void synchronise() {
        List<LivePolicy> known = List.copyOf(all());
        Map<Long, PolicyStore.Progress> stored = QuarkusTransaction.requiringNew().call(policies::progress);
        for (LivePolicy live : known) {
            PolicyStore.Progress progress = stored.get(live.definition().id());
            if (progress == null) {
                unregister(live.definition().name());
                continue;
            }
            if (progress.version() > live.definition().version()) {
                takeUpStoredDefinition(live);
            }
            if (progress.feedbackCount() > live.applied()) {
                catchUp(live);
            }
        }
        if (stored.keySet().stream().anyMatch(id -> !byId.containsKey(id))) {
            loadAll();
        }
    }

    /** Takes up the stored definition of {@code live}, which another instance changed. */
    void takeUpStoredDefinition(LivePolicy live) {
        QuarkusTransaction.requiringNew().call(() -> policies.findById(live.definition().id()))
                .ifPresent(record -> live.redefine(PolicyDefinition.of(record, configOf(record))));
    }

    Optional<LivePolicy> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<LivePolicy> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<LivePolicy> all() {
        return byName.values();
    }

    void register(LivePolicy policy) {
        byName.put(policy.definition().name(), policy);
        byId.put(policy.definition().id(), policy);
    }

    /** Drops a policy deleted here or elsewhere, with its meters. */
    void unregister(String name) {
        LivePolicy removed = byName.remove(name);
        if (removed != null) {
            byId.remove(removed.definition().id());
            metrics.forget(name);
        }
    }

    static PolicyConfig configOf(PolicyRecord record) {
        return Algorithms.parse(record.algorithm(), Json.parseObject(record.params()));
    }

    private LivePolicy load(PolicyRecord record) {
        PolicyDefinition definition = PolicyDefinition.of(record, configOf(record));
        Optional<SnapshotRecord> snapshot = QuarkusTransaction.requiringNew().call(() -> snapshots.find(record.id()))
                .filter(s -> PolicyModel.canRestore(s.state()));
        PolicyModel model = snapshot.map(s -> PolicyModel.restore(definition.config(), s.state()))
                .orElseGet(() -> PolicyModel.create(definition.config(), 0));
        LivePolicy live = new LivePolicy(definition, model, snapshot.map(SnapshotRecord::ordinal).orElse(0L));
        live.redefine(definition);
        catchUp(live);
        return live;
    }

    /** Folds whatever feedback of the policy is logged beyond what it has applied. */
    void catchUp(LivePolicy live) {
        long id = live.definition().id();
        while (true) {
            long from = live.applied();
            List<FeedbackRecord> page = QuarkusTransaction.requiringNew().call(() -> feedback.after(id, from, REPLAY_PAGE));
            page.forEach(live::deliver);
            if (page.size() < REPLAY_PAGE || live.applied() == from) {
                return;
            }
        }
    }
}
