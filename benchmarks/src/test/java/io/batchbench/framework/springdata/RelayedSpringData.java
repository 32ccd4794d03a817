package io.batchbench.framework.springdata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.batchbench.audit.RelayedDatabase;
import io.batchbench.audit.WireAudit;
import io.batchbench.audit.WireCounts;

/**
 * The adapter's application context ({@link SpringDataFramework#context}) on a small clone reached
 * through a {@link WireAudit} relay, with a test's own entities added to the persistence unit and
 * its own configuration (its repositories) added to the context: what the Spring Data trap tests
 * boot, so a trap is shown on the adapter's exact setup.
 */
final class RelayedSpringData implements AutoCloseable {

    private final RelayedDatabase database;
    private final HikariDataSource pool;
    private final AnnotationConfigApplicationContext context;

    /**
     * @param schemaChange SQL run on the clone before the context boots (and validates its mapping), or null
     */
    RelayedSpringData(String runId, String schemaChange, HibernatePersistenceConfiguration persistenceUnit,
                      Class<?>... componentClasses) {
        database = new RelayedDatabase(runId);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setDataSourceProperties(database.properties(new Properties()));
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        try {
            if (schemaChange != null) {
                execute(schemaChange);
            }
            context = SpringDataFramework.context(pool, persistenceUnit, componentClasses);
        } catch (RuntimeException e) {
            pool.close();
            database.close();
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** What {@code action} sent to the server. */
    WireCounts sent(Runnable action) {
        WireAudit relay = database.relay();
        relay.reset();
        action.run();
        return relay.counts();
    }

    /** Plain SQL on the pool, outside what is counted. */
    void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            pool.close();
            database.close();
        }
    }
}
