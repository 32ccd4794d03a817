package io.batchbench.jpa;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.Length;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.OrderRow;

/**
 * A row of {@code orders}, mapped to schema.sql by hand; the entity manager factory validates the
 * mapping against the database at boot, so a drift fails the trial instead of skewing it. The
 * one mapping of the table for both adapters that run on Hibernate ORM ({@code hibernate} and
 * {@code springdata}), so their columns differ by the API on top of it, not by the mapping.
 */
@Entity
@Table(name = "orders")
public class OrderEntity {

    // allocationSize matches the sequence's INCREMENT BY, so the pooled optimizer hands out 50
    // ids per nextval and inserts can be batched (IDENTITY ids would disable JDBC batching).
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_id")
    @SequenceGenerator(name = "orders_id", sequenceName = "orders_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private int customerId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    // timestamptz keeps the instant, not the offset: Hibernate reads it back normalized to UTC.
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(nullable = false, length = Length.LONG32)
    private String note;

    protected OrderEntity() {
        // for Hibernate
    }

    /** A new order; its id is assigned when it is persisted. */
    public OrderEntity(NewOrder order) {
        this.customerId = order.customerId();
        this.status = order.status();
        this.amount = order.amount();
        this.createdAt = order.createdAt();
        this.note = order.note();
    }

    public Long getId() {
        return id;
    }

    public int getCustomerId() {
        return customerId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getNote() {
        return note;
    }

    public OrderRow toOrderRow() {
        return new OrderRow(id, customerId, status, amount, createdAt, note);
    }
}
