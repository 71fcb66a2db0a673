package dev.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The latest learned-state snapshot of each policy. Callers own the transaction. */
@ApplicationScoped
public class SnapshotStore {

    private final Clock clock;

    SnapshotStore(Clock clock) {
        this.clock = clock;
    }

    public Optional<SnapshotRecord> find(long policyId) {
        return SnapshotEntity.<SnapshotEntity>findByIdOptional(policyId)
                .map(s -> new SnapshotRecord(s.ordinal, s.state));
    }

    /** Keeps the snapshot unless a newer one (a higher ordinal) is stored already. */
    public void save(long policyId, SnapshotRecord snapshot) {
        SnapshotEntity entity = SnapshotEntity.findById(policyId);
        if (entity == null) {
            entity = new SnapshotEntity();
            entity.policyId = policyId;
        } else if (entity.ordinal >= snapshot.ordinal()) {
            return;
        }
        entity.ordinal = snapshot.ordinal();
        entity.state = snapshot.state();
        entity.createdAt = OffsetDateTime.now(clock);
        entity.persist();
    }
}
