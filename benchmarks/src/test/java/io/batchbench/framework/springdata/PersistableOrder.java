package io.batchbench.framework.springdata;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import io.batchbench.workload.NewOrder;

/**
 * {@link AssignedIdOrder} that says whether it is new, as Spring Data JPA's "Entity State
 * Detection Strategies" suggest: new until persisted or loaded.
 */
@Entity
@Table(name = "orders")
class PersistableOrder extends OrderColumns implements Persistable<Long> {

    @Id
    private Long id;

    @Transient
    private boolean isNew = true;

    protected PersistableOrder() {
        // for Hibernate
    }

    PersistableOrder(long id, NewOrder order) {
        super(order);
        this.id = id;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PrePersist
    @PostLoad
    void markNotNew() {
        isNew = false;
    }
}
