package io.batchbench.jpa;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The id and amount of a row of {@code orders}, and nothing else: what the Hibernate adapter's
 * update {@code batch} strategy writes, through a StatelessSession, without reading the row first, and what its
 * {@code projection} strategy loads, changes and lets dirty checking write. An
 * {@link OrderEntity} cannot be updated unread: a managed one is loaded to be changed, and a
 * stateless update writes every mapped column, so it needs the whole row. Mapped to the same
 * table with only the columns that change, the stateless update is exactly
 * {@code update orders set amount=? where id=?}. Never inserted (the columns it leaves out are NOT
 * NULL); validated against the schema at boot like {@link OrderEntity}. Part of the persistence
 * unit of both JPA adapters, so both boot the same unit.
 */
@Entity
@Table(name = "orders")
public class OrderAmount {

    @Id
    private Long id;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    protected OrderAmount() {
        // for Hibernate
    }

    public OrderAmount(long id, BigDecimal amount) {
        this.id = id;
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }
}
