package io.batchbench.workload.insert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.workload.WrongResultException;

/** The insert workload's resets and checks, run outside the measured region. */
public final class InsertCheck {

    private InsertCheck() {
    }

    /** Empties {@code orders}; the sequence goes on, so ids are never reused. */
    public static void empty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE orders");
        }
        requireEmpty(connection);
    }

    /** Every insert operation starts from an empty table, or its result means nothing. */
    public static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            long rows = rs.getLong(1);
            if (rows != 0) {
                throw new IllegalStateException("orders holds " + rows + " rows before the insert, and must be empty:"
                        + " something else writes to the trial database " + connection.getCatalog());
            }
        }
    }

    /** Throws unless the table holds exactly the expected rows (the same contents as the seeded dataset). */
    public static void verify(Connection connection, String cell, TableChecksum expected) throws SQLException {
        TableChecksum actual = TableChecksum.contentOf(connection);
        if (!actual.equals(expected)) {
            throw new WrongResultException(cell + " left " + actual.rows() + " rows (" + actual.distinctIds()
                    + " distinct ids, content hash " + actual.hash() + "); expected " + expected.rows() + " rows (hash "
                    + expected.hash() + "): rows were lost, repeated or changed");
        }
    }
}
