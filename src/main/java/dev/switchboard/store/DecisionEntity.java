package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "decision")
public class DecisionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "policy_id", nullable = false)
    public Long policyId;

    @Column(name = "arm_position", nullable = false)
    public int armPosition;

    @Column(nullable = false)
    public double probability;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String context;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
