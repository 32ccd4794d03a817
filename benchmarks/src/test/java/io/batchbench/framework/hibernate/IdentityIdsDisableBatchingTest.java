package io.batchbench.framework.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.batchbench.audit.RelayedDatabase;
import io.batchbench.audit.WireAudit;
import io.batchbench.audit.WireCounts;
import io.batchbench.jpa.IdentityOrder;
import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;

/**
 * Why {@link OrderEntity} takes its ids from a pooled sequence: with IDENTITY ids Hibernate has to
 * read each generated id back as it inserts the row, so it sends every INSERT on its own and
 * ignores {@code hibernate.jdbc.batch_size} without a word. Same table, same session factory
 * settings, same rows, same persist-and-flush loop; only the id generation differs, and the wire
 * shows it.
 */
class IdentityIdsDisableBatchingTest {

    private static final int ROWS = Chunks.MAX_ROWS;
    private static final List<NewOrder> ORDERS = NewOrder.generate(ROWS);

    private static RelayedDatabase database;
    private static WireAudit relay;
    private static HikariDataSource pool;
    private static SessionFactory sessionFactory;

    @BeforeAll
    static void bootThroughTheRelay() {
        database = new RelayedDatabase("identitytest");
        relay = database.relay();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setDataSourceProperties(database.properties(new Properties()));
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        sessionFactory = HibernateFramework.configuration(pool)
                .managedClass(IdentityOrder.class)
                .createEntityManagerFactory();
    }

    @AfterAll
    static void close() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE orders");
        }
    }

    @Test
    void identityIdsSendEveryInsertOnItsOwn() {
        WireCounts sent = persistAll(IdentityOrder::new);

        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("a wait per row: batching silently off").isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void pooledSequenceIdsAreBatched() {
        WireCounts sent = persistAll(OrderEntity::new);

        assertThat(sent.count("INSERT")).isEqualTo(ROWS);
        assertThat(sent.count("SELECT")).as("one nextval per 50 ids").isBetween(ROWS / 50L, ROWS / 50L + 1);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    /** The trap is the insert's alone: dirty checking batches the UPDATEs of IDENTITY entities all the same. */
    @Test
    void identityIdsStillBatchDirtyCheckedUpdates() {
        persistAll(IdentityOrder::new);
        relay.reset();

        sessionFactory.inTransaction(session -> {
            for (IdentityOrder order : session.createSelectionQuery("from IdentityOrder", IdentityOrder.class)
                    .getResultList()) {
                order.setAmount(BigDecimal.ONE);
            }
        });

        WireCounts sent = relay.counts();
        assertThat(sent.count("UPDATE")).isEqualTo(ROWS);
        assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
    }

    private static WireCounts persistAll(Function<NewOrder, Object> entity) {
        relay.reset();
        sessionFactory.inTransaction(session -> {
            for (NewOrder order : ORDERS) {
                session.persist(entity.apply(order));
            }
            session.flush();
            session.clear();
        });
        return relay.counts();
    }
}
