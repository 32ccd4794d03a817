package io.batchbench.framework.springdata;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.Length;

import io.batchbench.workload.NewOrder;

/**
 * The columns of {@code orders} other than the id, for the trap tests' entities, which differ
 * from {@link io.batchbench.jpa.OrderEntity} only in how their id is assigned and how Spring
 * Data tells a new one from a stored one.
 */
@MappedSuperclass
abstract class OrderColumns {

    @Column(name = "customer_id", nullable = false)
    private int customerId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(nullable = false, length = Length.LONG32)
    private String note;

    protected OrderColumns() {
        // for Hibernate
    }

    OrderColumns(NewOrder order) {
        this.customerId = order.customerId();
        this.status = order.status();
        this.amount = order.amount();
        this.createdAt = order.createdAt();
        this.note = order.note();
    }
}
