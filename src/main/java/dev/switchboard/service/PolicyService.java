package dev.switchboard.service;

import dev.switchboard.learning.InvalidParamsException;
import dev.switchboard.learning.PolicyConfig;
import dev.switchboard.learning.PolicyModel;
import dev.switchboard.learning.Algorithms;
import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.DecisionStore;
import dev.switchboard.store.PolicyRecord;
import dev.switchboard.store.PolicyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Creates, changes, shows and deletes policies. Definitions are serialised per process: PUTs are rare. */
@ApplicationScoped
public class PolicyService {

    /** The outcome of a PUT. */
    public record PutResult(boolean created, PolicyView view) {
    }

    private final PolicyStore store;
    private final DecisionStore decisions;
    private final PolicyRegistry registry;

    PolicyService(PolicyStore store, DecisionStore decisions, PolicyRegistry registry) {
        this.store = store;
        this.decisions = decisions;
        this.registry = registry;
    }

    public synchronized PutResult put(String name, PolicyDraft draft) {
        Identifiers.require(name, "policy name", null);
        PolicyConfig config = parseConfig(draft);
        String params = Json.write(new java.util.TreeMap<>(config.params()));
        Optional<LivePolicy> existing = registry.byName(name);
        if (existing.isEmpty()) {
            Optional<PutResult> created = create(name, draft, config, params);
            if (created.isPresent()) {
                return created.get();
            }
            existing = registry.byName(name);
        }
        LivePolicy live = existing.orElseThrow();
        Optional<PolicyRecord> record = QuarkusTransaction.requiringNew().call(() -> store.update(
                live.definition().id(), params, stored -> {
                    if (!stored.algorithm().equals(config.algorithm())) {
                        throw new ConflictException("policy " + name + " uses " + stored.algorithm()
                                + "; its algorithm cannot change to " + config.algorithm() + " (delete it first)");
                    }
                    return mergeArms(stored.arms(), draft.arms());
                }));
        if (record.isEmpty()) {
            // deleted by another instance since this one last followed the store: the PUT creates it anew
            registry.unregister(name);
            return put(name, draft);
        }
        live.redefine(PolicyDefinition.of(record.get(), config));
        return new PutResult(false, view(name).orElseThrow());
    }

    /**
     * Creates the policy; or, if another instance created it since this one last followed the store (its name is
     * taken), takes that policy up and returns empty, for the PUT to update it.
     */
    private Optional<PutResult> create(String name, PolicyDraft draft, PolicyConfig config, String params) {
        PolicyRecord record;
        try {
            record = QuarkusTransaction.requiringNew().call(() -> store.create(name, draft.algorithm(), params,
                    mergeArms(List.of(), draft.arms())));
        } catch (ConstraintViolationException e) {
            registry.loadAll();
            if (registry.byName(name).isEmpty()) {
                throw e;
            }
            return Optional.empty();
        }
        PolicyDefinition definition = PolicyDefinition.of(record, config);
        registry.register(new LivePolicy(definition, PolicyModel.create(config, record.arms().size()), 0));
        return Optional.of(new PutResult(true, view(name).orElseThrow()));
    }

    private static PolicyConfig parseConfig(PolicyDraft draft) {
        try {
            return Algorithms.parse(draft.algorithm(), draft.params());
        } catch (InvalidParamsException e) {
            boolean unknownAlgorithm = !Algorithms.names().contains(draft.algorithm());
            String pointer = unknownAlgorithm ? "/algorithm"
                    : e.param().map(param -> InvalidInputException.member("/params", param)).orElse("/params");
            throw new InvalidInputException(e.getMessage(), pointer);
        }
    }

    /** Existing arms keep their positions; arms left out are retired; new arms are appended. */
    static List<ArmRecord> mergeArms(List<ArmRecord> existing, List<PolicyDraft.Arm> wanted) {
        Map<String, PolicyDraft.Arm> byId = new HashMap<>();
        wanted.forEach(arm -> byId.put(arm.id(), arm));
        List<ArmRecord> merged = new ArrayList<>();
        for (ArmRecord arm : existing) {
            PolicyDraft.Arm update = byId.remove(arm.id());
            merged.add(update == null
                    ? new ArmRecord(arm.position(), arm.id(), arm.cost(), arm.metadata(), false)
                    : new ArmRecord(arm.position(), arm.id(), update.cost(), update.metadata(), true));
        }
        for (PolicyDraft.Arm arm : wanted) {
            if (byId.containsKey(arm.id())) {
                merged.add(new ArmRecord(merged.size(), arm.id(), arm.cost(), arm.metadata(), true));
            }
        }
        return merged;
    }

    /** The policy's view: what it learned (in memory) and its decision counts (read from the store). */
    public Optional<PolicyView> view(String name) {
        return registry.byName(name).map(live -> viewOf(live, QuarkusTransaction.requiringNew()
                .call(() -> decisions.countsByArm(live.definition().id()))));
    }

    public List<PolicyView> list() {
        Map<Long, Map<Integer, Long>> counts = QuarkusTransaction.requiringNew().call(decisions::countsByPolicyAndArm);
        return registry.all().stream().map(live -> viewOf(live, counts.getOrDefault(live.definition().id(), Map.of())))
                .sorted(java.util.Comparator.comparing(PolicyView::name)).toList();
    }

    public synchronized boolean delete(String name) {
        Identifiers.require(name, "policy name", null);
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> store.delete(name));
        registry.unregister(name);
        return deleted;
    }

    private static PolicyView viewOf(LivePolicy live, Map<Integer, Long> decisionCounts) {
        PolicyDefinition definition = live.definition();
        PolicyModel model = live.model();
        List<PolicyView.ArmView> arms = new ArrayList<>();
        long decisions = 0;
        double rewards = 0;
        double rewardSum = 0;
        for (ArmRecord arm : definition.arms()) {
            long pulls = decisionCounts.getOrDefault(arm.position(), 0L);
            double count = model.rewardCount(arm.position());
            double sum = model.rewardSum(arm.position());
            decisions += pulls;
            rewards += count;
            rewardSum += sum;
            arms.add(new PolicyView.ArmView(arm.id(), arm.active() ? "active" : "retired", pulls, (long) count,
                    count > 0 ? sum / count : null, arm.cost()));
        }
        return new PolicyView(definition.name(), definition.config().algorithm(),
                new java.util.TreeMap<>(definition.config().params()), definition.version(), decisions, (long) rewards,
                rewards > 0 ? rewardSum / rewards : null, model.featureDimension(), arms);
    }
}
