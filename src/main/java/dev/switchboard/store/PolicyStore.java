package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    public Optional<PolicyRecord> findById(long id) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(id).map(this::toRecord);
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

    /**
     * Replaces params, and the arms with what {@code newArms} makes of the stored policy (arms matched by position;
     * it may refuse the change by throwing), and bumps the version; empty if the policy no longer exists. The
     * policy's row is locked first, so that replicas changing the same policy at once take turns, each starting from
     * the arms and the version the other left.
     */
    public Optional<PolicyRecord> update(long id, String params, Function<PolicyRecord, List<ArmRecord>> newArms) {
        PolicyEntity policy = PolicyEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (policy == null) {
            return Optional.empty();
        }
        List<ArmRecord> arms = newArms.apply(toRecord(policy));
        policy.params = params;
        policy.version += 1;
        policy.updatedAt = OffsetDateTime.now(clock);
        saveArms(id, arms);
        return Optional.of(toRecord(policy));
    }

    /** How far a policy has come in the store: what a live copy must have taken in to be current. */
    public record Progress(long feedbackCount, int version) {
    }

    /** Each policy's id with the last feedback ordinal handed out and its definition's version. */
    public Map<Long, Progress> progress() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT id, feedback_count, version FROM policy").getResultList();
        Map<Long, Progress> progress = new HashMap<>();
        for (Object[] row : rows) {
            progress.put(((Number) row[0]).longValue(),
                    new Progress(((Number) row[1]).longValue(), ((Number) row[2]).intValue()));
        }
        return progress;
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
