package io.batchbench.jpa;

import java.sql.Connection;
import java.sql.SQLException;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.postgresql.core.BaseConnection;

import io.batchbench.workload.Chunks;

/**
 * The persistence unit both adapters that run on Hibernate ORM boot: the {@code hibernate}
 * adapter hands it to Hibernate directly, the {@code springdata} adapter hands its classes and
 * properties to Spring's {@code LocalContainerEntityManagerFactoryBean}. One definition, so the
 * two columns of a report differ by what Spring Data adds, never by a setting.
 *
 * <p>Its own package, {@code io.batchbench.jpa}, below the adapters and above the workloads,
 * because adapters must not depend on each other (docs/architecture.md): with the mapping in
 * {@code framework.hibernate}, the Spring Data adapter would depend on the Hibernate adapter, and a
 * copy in each would drift. Only adapters may use it ({@code ArchitectureTest}).
 */
public final class OrdersPersistenceUnit {

    public static final String NAME = "batchbench";

    private OrdersPersistenceUnit() {
    }

    /**
     * The unit's classes and settings, without a data source: the caller adds its pool. No
     * hibernate.dialect: Hibernate picks PostgreSQLDialect, for the server's version, from the
     * connection's metadata, and warns (HHH90000025) when the setting is given.
     */
    public static HibernatePersistenceConfiguration configuration() {
        return new HibernatePersistenceConfiguration(NAME)
                .managedClass(OrderEntity.class)
                .managedClass(OrderAmount.class)
                // A mapping that no longer matches schema.sql fails the trial at boot.
                .schemaToolingAction(Action.VALIDATE)
                // The batching the documentation asks for: a flush of one chunk is one JDBC batch
                // (StatelessSession ignores the setting since Hibernate 7, and batches only
                // through insertMultiple/updateMultiple or its own setJdbcBatchSize), and
                // statements are grouped by entity and ordered by id so batches are not cut short.
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, Chunks.MAX_ROWS)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                // Set explicitly: hibernate.* system properties would otherwise switch them on
                // and add logging or counting to the measured time.
                .showSql(false, false, false)
                .property(AvailableSettings.GENERATE_STATISTICS, false);
    }

    /**
     * Hibernate writes no multi-row INSERT; on PostgreSQL its way to one is pgjdbc's
     * {@code reWriteBatchedInserts}, which rewrites its JDBC batches. Without the setting a
     * {@code multirow} cell would quietly measure {@code batch} again under another name, so it
     * refuses to run.
     */
    public static void requireBatchRewrite(Connection connection) throws SQLException {
        if (!connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()) {
            throw new IllegalStateException("Hibernate's multirow inserts are pgjdbc's rewrite of its JDBC batches:"
                    + " open the pool with the driver property reWriteBatchedInserts=true");
        }
    }
}
