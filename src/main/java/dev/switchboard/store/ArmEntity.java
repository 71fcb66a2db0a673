package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "arm")
@IdClass(ArmEntity.Key.class)
public class ArmEntity extends PanacheEntityBase {

    @Id
    @Column(name = "policy_id")
    public Long policyId;

    @Id
    public int position;

    @Column(name = "arm_id", nullable = false, length = 128)
    public String armId;

    public Double cost;

    @Column(columnDefinition = "text")
    public String metadata;

    @Column(nullable = false)
    public boolean active;

    /** Composite key of {@link ArmEntity}. */
    public static class Key implements Serializable {
        public Long policyId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(policyId, k.policyId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyId, position);
        }
    }
}
