package io.batchbench.framework.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One pooled connection with auto-commit off for the duration of some work; rolled back if the work fails. */
final class JdbcTransactions {

    @FunctionalInterface
    interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private JdbcTransactions() {
    }

    /** Runs the work, which commits when it wants to, and commits what is left at the end. */
    static void run(DataSource dataSource, SqlWork work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
