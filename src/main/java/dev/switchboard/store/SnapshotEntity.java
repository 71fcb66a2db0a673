package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "snapshot")
public class SnapshotEntity extends PanacheEntityBase {

    @Id
    @Column(name = "policy_id")
    public Long policyId;

    @Column(nullable = false)
    public long ordinal;

    @Column(nullable = false)
    public byte[] state;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
