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

    /** How many decisions chose each arm position of the policy, ever (counted as they are logged). */
    public Map<Integer, Long> countsByArm(long policyId) {
        return countsOf("SELECT policy_id, position, sum(decisions) FROM arm_decisions WHERE policy_id = ?1"
                + " GROUP BY policy_id, position", policyId).getOrDefault(policyId, Map.of());
    }

    /** {@link #countsByArm} of every policy, by policy id. */
    public Map<Long, Map<Integer, Long>> countsByPolicyAndArm() {
        return countsOf("SELECT policy_id, position, sum(decisions) FROM arm_decisions GROUP BY policy_id, position",
                null);
    }

    private static Map<Long, Map<Integer, Long>> countsOf(String sql, Long policyId) {
        var query = Panache.getEntityManager().createNativeQuery(sql);
        if (policyId != null) {
            query.setParameter(1, policyId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Map<Integer, Long>> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), p -> new HashMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        return counts;
    }
}
