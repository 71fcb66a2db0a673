package dev.switchboard.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "policy")
public class PolicyEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 128)
    public String name;

    @Column(nullable = false, length = 64)
    public String algorithm;

    @Column(nullable = false, columnDefinition = "text")
    public String params;

    @Column(nullable = false)
    public int version;

    /**
     * The last feedback ordinal handed out. {@code record_feedback} alone advances it, under the row's lock; the entity
     * never writes it, or a change of the definition would write back a count that rewards have since advanced.
     */
    @Column(name = "feedback_count", nullable = false, insertable = false, updatable = false)
    public long feedbackCount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
