package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;

/** The feedback log, each policy's in ordinal order. Callers own the transaction. */
@ApplicationScoped
public class FeedbackStore {

    private final Clock clock;

    FeedbackStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the reward for a decision and hands out the policy's next ordinal. The ordinal comes from the policy
     * row, whose lock is held until commit, so ordinals are gapless and committed in order.
     *
     * @return the ordinal, or empty if the decision already has feedback (nothing is then written)
     */
    public OptionalLong insert(DecisionRecord decision, double reward) {
        var em = Panache.getEntityManager();
        long ordinal = ((Number) em.createNativeQuery(
                        "UPDATE policy SET feedback_count = feedback_count + 1 WHERE id = ?1 RETURNING feedback_count")
                .setParameter(1, decision.policyId())
                .getSingleResult()).longValue();
        int inserted = em.createNativeQuery("INSERT INTO feedback (decision_id, policy_id, ordinal, arm_position, reward,"
                        + " context, created_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7)"
                        + " ON CONFLICT (decision_id) DO NOTHING")
                .setParameter(1, decision.id())
                .setParameter(2, decision.policyId())
                .setParameter(3, ordinal)
                .setParameter(4, decision.armPosition())
                .setParameter(5, reward)
                .setParameter(6, decision.context())
                .setParameter(7, OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1 ? OptionalLong.of(ordinal) : OptionalLong.empty();
    }

    public boolean exists(java.util.UUID decisionId) {
        return FeedbackEntity.findByIdOptional(decisionId).isPresent();
    }

    /** A policy's feedback after {@code ordinal}, in ordinal order, at most {@code limit} rows. */
    public List<FeedbackRecord> after(long policyId, long ordinal, int limit) {
        List<FeedbackEntity> rows = FeedbackEntity.find("policyId = ?1 and ordinal > ?2 order by ordinal",
                policyId, ordinal).page(0, limit).list();
        return rows.stream().map(f -> new FeedbackRecord(f.ordinal, f.armPosition, f.reward, f.context)).toList();
    }
}
