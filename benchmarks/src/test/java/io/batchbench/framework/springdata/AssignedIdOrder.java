package io.batchbench.framework.springdata;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.batchbench.workload.NewOrder;

/**
 * An order whose id the application assigns (a natural key, an id from another system): nothing
 * tells Spring Data that an instance with an id is new, so {@code save} merges it.
 */
@Entity
@Table(name = "orders")
class AssignedIdOrder extends OrderColumns {

    @Id
    private Long id;

    protected AssignedIdOrder() {
        // for Hibernate
    }

    AssignedIdOrder(long id, NewOrder order) {
        super(order);
        this.id = id;
    }
}
