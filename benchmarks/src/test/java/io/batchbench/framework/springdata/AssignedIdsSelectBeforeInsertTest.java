package io.batchbench.framework.springdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import io.batchbench.audit.WireCounts;
import io.batchbench.jpa.OrderEntity;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;

/**
 * {@code save} calls {@code persist} only when Spring Data can tell the entity is new; otherwise
 * it calls {@code merge}, which first SELECTs the row by its id. With an id from the pooled
 * sequence ({@link OrderEntity}) the id is null until persisted, so every new entity is known to be
 * new. With an id the application assigns, nothing tells, and every save of a new row sends a
 * SELECT, one round trip each, before the INSERT. {@code Persistable} or a {@code @Version}
 * attribute of a wrapper type tells, and the SELECTs go. Same table, same adapter context, same
 * rows, same {@code save} loop in one transaction; the wire shows the difference.
 */
class AssignedIdsSelectBeforeInsertTest {

    private static final int ROWS = Chunks.MAX_ROWS;
    private static final List<NewOrder> ORDERS = NewOrder.generate(ROWS);
    private static final long FIRST_ID = 1_000_001;

    interface AssignedIdOrders extends JpaRepository<AssignedIdOrder, Long> {
    }

    interface PersistableOrders extends JpaRepository<PersistableOrder, Long> {
    }

    interface VersionedOrders extends JpaRepository<VersionedOrder, Long> {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(considerNestedRepositories = true, basePackageClasses = AssignedIdsSelectBeforeInsertTest.class,
            includeFilters = @ComponentScan.Filter(classes = {AssignedIdOrders.class, PersistableOrders.class,
                    VersionedOrders.class}, type = FilterType.ASSIGNABLE_TYPE))
    static class Repositories {
    }

    private static RelayedSpringData springData;

    @BeforeAll
    static void boot() {
        springData = new RelayedSpringData("assignedidtest", VersionedOrder.ADD_COLUMN,
                OrdersPersistenceUnit.configuration()
                        .managedClass(AssignedIdOrder.class)
                        .managedClass(PersistableOrder.class)
                        .managedClass(VersionedOrder.class),
                Repositories.class);
    }

    @AfterAll
    static void close() {
        if (springData != null) {
            springData.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        springData.execute("TRUNCATE orders");
    }

    @Test
    void anAssignedIdMakesSaveSelectEveryRowBeforeInsertingIt() {
        WireCounts sent = saveAll(springData.bean(AssignedIdOrders.class), AssignedIdOrder::new);

        assertThat(sent.count("SELECT")).as("merge looks each row up first").isEqualTo(ROWS);
        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("a wait per row").isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void persistableTellsSaveTheEntityIsNew() {
        WireCounts sent = saveAll(springData.bean(PersistableOrders.class), PersistableOrder::new);

        assertThat(sent.count("SELECT")).isZero();
        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    @Test
    void aNullVersionTellsSaveTheEntityIsNew() {
        WireCounts sent = saveAll(springData.bean(VersionedOrders.class), VersionedOrder::new);

        assertThat(sent.count("SELECT")).isZero();
        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    /** The adapter's own entity: a generated id is null until persisted, so only the sequence is read. */
    @Test
    void aGeneratedIdTellsSaveTheEntityIsNew() {
        WireCounts sent = saveAll(springData.bean(OrderRepository.class), (id, order) -> new OrderEntity(order));

        assertThat(sent.count("SELECT")).as("one nextval per 50 ids").isBetween(ROWS / 50L, ROWS / 50L + 1);
        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    private static <T> WireCounts saveAll(JpaRepository<T, Long> repository, BiFunction<Long, NewOrder, T> entity) {
        List<T> entities = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            entities.add(entity.apply(FIRST_ID + i, ORDERS.get(i)));
        }
        return springData.sent(() -> springData.transaction().executeWithoutResult(status -> {
            for (T order : entities) {
                repository.save(order);
            }
        }));
    }
}
