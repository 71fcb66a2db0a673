package dev.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads of the feedback log, each policy's in ordinal order ({@link FeedbackBatch} writes it). Callers own the
 * transaction.
 */
@ApplicationScoped
public class FeedbackStore {

    /** A policy's feedback after {@code ordinal}, in ordinal order, at most {@code limit} rows. */
    public List<FeedbackRecord> after(long policyId, long ordinal, int limit) {
        List<FeedbackEntity> rows = FeedbackEntity.find("policyId = ?1 and ordinal > ?2 order by ordinal",
                policyId, ordinal).page(0, limit).list();
        return rows.stream().map(f -> new FeedbackRecord(f.ordinal, f.armPosition, f.reward, f.context)).toList();
    }
}
