package io.batchbench.framework.springdata;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.batchbench.workload.NewOrder;

/**
 * {@link AssignedIdOrder} with a {@code @Version} attribute of a wrapper type: Spring Data takes an
 * instance whose version is null for new. Maps a {@code version} column that schema.sql does not
 * have; the test adds it to its own clone.
 */
@Entity
@Table(name = "orders")
class VersionedOrder extends OrderColumns {

    static final String ADD_COLUMN = "ALTER TABLE orders ADD COLUMN version integer";

    @Id
    private Long id;

    @Version
    private Integer version;

    protected VersionedOrder() {
        // for Hibernate
    }

    VersionedOrder(long id, NewOrder order) {
        super(order);
        this.id = id;
    }
}
