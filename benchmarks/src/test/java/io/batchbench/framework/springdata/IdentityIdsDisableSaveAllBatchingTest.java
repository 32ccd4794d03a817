package io.batchbench.framework.springdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

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
import io.batchbench.jpa.IdentityOrder;
import io.batchbench.jpa.OrderEntity;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;

/**
 * {@code saveAll} batches only because the adapter's entity takes its ids from a pooled sequence:
 * with IDENTITY ids Hibernate has to read each id back as it inserts the row, so the same
 * {@code saveAll} sends every INSERT on its own, although {@code hibernate.jdbc.batch_size} is
 * set. And {@code saveAll} is no faster way to save than {@code save} in a loop: it is that loop,
 * and the batching is Hibernate's at the flush.
 */
class IdentityIdsDisableSaveAllBatchingTest {

    private static final int ROWS = Chunks.MAX_ROWS;
    private static final List<NewOrder> ORDERS = NewOrder.generate(ROWS);

    interface IdentityOrders extends JpaRepository<IdentityOrder, Long> {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(considerNestedRepositories = true,
            basePackageClasses = IdentityIdsDisableSaveAllBatchingTest.class,
            includeFilters = @ComponentScan.Filter(classes = IdentityOrders.class, type = FilterType.ASSIGNABLE_TYPE))
    static class Repositories {
    }

    private static RelayedSpringData springData;

    @BeforeAll
    static void boot() {
        springData = new RelayedSpringData("identitysaveall", null,
                OrdersPersistenceUnit.configuration().managedClass(IdentityOrder.class), Repositories.class);
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
    void identityIdsSendEverySavedRowOnItsOwn() {
        IdentityOrders repository = springData.bean(IdentityOrders.class);

        WireCounts sent = inOneTransaction(() -> repository.saveAll(entities(IdentityOrder::new)));

        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("a wait per row: batching silently off").isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void pooledSequenceIdsAreBatched() {
        OrderRepository repository = springData.bean(OrderRepository.class);

        WireCounts sent = inOneTransaction(() -> repository.saveAll(entities(OrderEntity::new)));

        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.count("SELECT")).as("one nextval per 50 ids").isBetween(ROWS / 50L, ROWS / 50L + 1);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    @Test
    void saveInALoopSendsWhatSaveAllSends() {
        OrderRepository repository = springData.bean(OrderRepository.class);
        WireCounts saveAll = inOneTransaction(() -> repository.saveAll(entities(OrderEntity::new)));
        springData.execute("TRUNCATE orders");

        WireCounts saveLoop = inOneTransaction(() -> entities(OrderEntity::new).forEach(repository::save));

        // The same INSERTs and waits; the sequence is read as often (give or take the pooled optimizer's
        // first call), each nextval one SELECT and one wait, so those are set aside.
        assertThat(saveLoop.count("INSERT")).isEqualTo(saveAll.count("INSERT")).isEqualTo(ROWS);
        assertThat(saveLoop.count("SELECT")).isBetween(ROWS / 50L, ROWS / 50L + 1);
        assertThat(saveLoop.roundTrips() - saveLoop.count("SELECT"))
                .isEqualTo(saveAll.roundTrips() - saveAll.count("SELECT"));
    }

    private static <T> List<T> entities(Function<NewOrder, T> entity) {
        return ORDERS.stream().map(entity).toList();
    }

    private static WireCounts inOneTransaction(Runnable save) {
        return springData.sent(() -> springData.transaction().executeWithoutResult(status -> save.run()));
    }
}
