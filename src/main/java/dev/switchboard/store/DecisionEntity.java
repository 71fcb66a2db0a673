package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

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

    /** The context as the JSON text the service wrote (a {@code text} column: PostgreSQL does not parse it). */
    @Column(nullable = false, columnDefinition = "text")
    public String context;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
