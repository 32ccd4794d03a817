package io.batchbench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.OrderGenerator;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.Frameworks;

/**
 * What one JMH trial works on: its own clone of the {@code rows}-row dataset, a connection pool
 * on it, and the framework under test bootstrapped on that pool. Everything is built before the
 * first measured iteration and dropped after the last.
 */
public final class Trial implements AutoCloseable {

    private static final int POOL_SIZE = 2;

    private final TrialDatabase database;
    private final HikariDataSource pool;
    private final Framework framework;

    private Trial(TrialDatabase database, Frameworks frameworkName, FrameworkSettings settings) {
        this.database = database;
        this.pool = pool(database);
        try {
            this.framework = frameworkName.open(pool, settings);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A trial on the server the launcher handed to this JVM. */
    public static Trial open(Frameworks framework, long rows, FrameworkSettings settings) {
        return open(ServerHandoff.fromSystemProperty(), framework, rows, settings);
    }

    public static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings) {
        Datasets datasets = new Datasets(handoff.server(), handoff.runId());
        TrialDatabase database = datasets.cloneOf(rows, OrderGenerator.DEFAULT_SEED);
        try {
            return new Trial(database, framework, settings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Framework framework() {
        return framework;
    }

    /** The key of the row at 0-based position {@code position} in key order, read with plain JDBC. */
    public long idAtPosition(long position) {
        try (Connection connection = pool.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT id FROM orders ORDER BY id OFFSET ? LIMIT 1")) {
            find.setLong(1, position);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("position " + position + " is past the end of the "
                            + database.rows() + "-row table");
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (framework != null) {
                framework.close();
            }
        } finally {
            pool.close();
            database.close();
        }
    }

    private static HikariDataSource pool(TrialDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("batchbench-" + database.name());
        config.setJdbcUrl(database.jdbcUrl());
        config.setDataSourceProperties(database.server().connectionProperties());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        return new HikariDataSource(config);
    }
}
