package io.batchbench.framework.springdata;

import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;

import io.batchbench.jpa.OrderEntity;

/**
 * The {@link OrderStreaming} fragment, found by Spring Data by its {@code Impl} suffix and called
 * through the repository proxy like any other repository method. The entity manager is Spring's
 * shared one, bound to the caller's transaction.
 */
class OrderStreamingImpl implements OrderStreaming {

    private final EntityManager entityManager;

    OrderStreamingImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Stream<OrderEntity> streamAllByIdOrder(int fetchSize) {
        return entityManager.createQuery("select o from OrderEntity o order by o.id", OrderEntity.class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
    }
}
