package io.batchbench.jpa;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Length;

import io.batchbench.workload.NewOrder;

/**
 * {@link OrderEntity} as a tutorial maps it: the same {@code orders} columns, but IDENTITY ids,
 * which the column default ({@code nextval('orders_id_seq')}) serves as it would an identity column.
 * Shared by the traps of both JPA adapters (Hibernate's persist, Spring Data's saveAll).
 */
@Entity
@Table(name = "orders")
public class IdentityOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    protected IdentityOrder() {
        // for Hibernate
    }

    public IdentityOrder(NewOrder order) {
        this.customerId = order.customerId();
        this.status = order.status();
        this.amount = order.amount();
        this.createdAt = order.createdAt();
        this.note = order.note();
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }
}
