package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The decision log. Callers own the transaction. */
@ApplicationScoped
public class DecisionStore {

    private final Clock clock;

    DecisionStore(Clock clock) {
        this.clock = clock;
    }

    public void insert(UUID id, long policyId, int armPosition, double probability, String context, int version) {
        DecisionEntity decision = new DecisionEntity();
        decision.id = id;
        decision.policyId = policyId;
        decision.armPosition = armPosition;
        decision.probability = probability;
        decision.context = context;
        decision.policyVersion = version;
        decision.createdAt = OffsetDateTime.now(clock);
        decision.persist();
    }

    public Optional<DecisionRecord> find(UUID id) {
        return DecisionEntity.<DecisionEntity>findByIdOptional(id)
                .map(d -> new DecisionRecord(d.id, d.policyId, d.armPosition, d.context));
    }

    /** How many decisions chose each arm position. */
    public Map<Integer, Long> countsByArm(long policyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT arm_position, count(*) FROM decision WHERE policy_id = ?1 GROUP BY arm_position")
                .setParameter(1, policyId)
                .getResultList();
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
