package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies and their arms. Callers own the transaction. */
@ApplicationScoped
public class PolicyStore {

    private final Clock clock;

    PolicyStore(Clock clock) {
        this.clock = clock;
    }

    public List<PolicyRecord> findAll() {
        List<PolicyEntity> policies = PolicyEntity.listAll();
        return policies.stream().map(this::toRecord).toList();
    }

    public Optional<PolicyRecord> findByName(String name) {
        return PolicyEntity.<PolicyEntity>find("name", name).firstResultOptional().map(this::toRecord);
    }

    /** Creates a policy with its arms at positions 0, 1, … in the given order. */
    public PolicyRecord create(String name, String algorithm, String params, List<ArmRecord> arms) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PolicyEntity policy = new PolicyEntity();
        policy.name = name;
        policy.algorithm = algorithm;
        policy.params = params;
        policy.version = 1;
        policy.createdAt = now;
        policy.updatedAt = now;
        policy.persistAndFlush();
        saveArms(policy.id, arms);
        return toRecord(policy);
    }

    /** Replaces params and arms (matched by position) and bumps the version. */
    public PolicyRecord update(long id, String params, List<ArmRecord> arms) {
        PolicyEntity policy = PolicyEntity.findById(id);
        policy.params = params;
        policy.version += 1;
        policy.updatedAt = OffsetDateTime.now(clock);
        saveArms(id, arms);
        return toRecord(policy);
    }

    /** Each policy's id with the last feedback ordinal handed out: what a live copy must have folded to be current. */
    public Map<Long, Long> feedbackCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT id, feedback_count FROM policy").getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    public boolean delete(String name) {
        return PolicyEntity.delete("name", name) > 0;
    }

    private void saveArms(long policyId, List<ArmRecord> arms) {
        Map<Integer, ArmEntity> existing = new HashMap<>();
        for (ArmEntity arm : ArmEntity.<ArmEntity>list("policyId", policyId)) {
            existing.put(arm.position, arm);
        }
        for (ArmRecord arm : arms) {
            ArmEntity entity = existing.get(arm.position());
            if (entity == null) {
                entity = new ArmEntity();
                entity.policyId = policyId;
                entity.position = arm.position();
            }
            entity.armId = arm.id();
            entity.cost = arm.cost();
            entity.metadata = arm.metadata();
            entity.active = arm.active();
            entity.persist();
        }
        Panache.getEntityManager().flush();
    }

    private PolicyRecord toRecord(PolicyEntity policy) {
        List<ArmEntity> arms = ArmEntity.list("policyId = ?1 order by position", policy.id);
        return new PolicyRecord(policy.id, policy.name, policy.algorithm, policy.params, policy.version,
                arms.stream().map(a -> new ArmRecord(a.position, a.armId, a.cost, a.metadata, a.active)).toList());
    }
}
