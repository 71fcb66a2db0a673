package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the decision log (the {@code DecisionLog} of the service layer writes it). Callers own the transaction. */
@ApplicationScoped
public class DecisionStore {

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
