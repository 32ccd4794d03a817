package io.batchbench.workload.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.batchbench.workload.WrongResultException;

/**
 * The concurrent job's exactly-once log: a table whose primary key is the processed row's id,
 * written in the same transaction as the chunk's UPDATEs. A row processed twice fails that
 * transaction with a unique violation (23505) and so the run; a row never processed is found by
 * {@link #verify} after each operation. One statement per chunk, the same in every framework (on
 * the framework's own connection, as COPY is), so it adds the same to every cell and is counted
 * by the audit like any other statement.
 */
public final class ProcessedIds {

    public static final String TABLE = "job_processed";
    public static final String RECORD = "INSERT INTO " + TABLE + " (id) SELECT unnest(?::int8[])";
    /** The same statement for clients that number their parameters ($1), the non-blocking ones. */
    public static final String RECORD_NUMBERED = "INSERT INTO " + TABLE + " (id) SELECT unnest($1::int8[])";

    private ProcessedIds() {
    }

    /** Creates the (empty) log in the trial database, outside the measured region. */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int8 PRIMARY KEY)");
            statement.execute("TRUNCATE " + TABLE);
        }
    }

    /** Logs a chunk's ids in the connection's current transaction. */
    public static void record(Connection connection, long[] ids) throws SQLException {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setArray(1, connection.createArrayOf("int8", boxed));
            insert.executeUpdate();
        }
    }

    /** Throws unless the log holds exactly the rows that matched, each now processed. */
    public static void verify(Connection connection, String cell, JobCheck check) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), coalesce(sum(p.id), 0),"
                     + " count(*) FILTER (WHERE o.status = '" + BatchJob.PROCESSED + "') FROM " + TABLE
                     + " p LEFT JOIN orders o ON o.id = p.id")) {
            rs.next();
            long logged = rs.getLong(1);
            long idSum = rs.getLong(2);
            long processed = rs.getLong(3);
            if (logged != check.rows() || idSum != check.idSum() || processed != logged) {
                throw new WrongResultException(cell + " logged " + logged + " processed ids (sum " + idSum + ", "
                        + processed + " of them " + BatchJob.PROCESSED + "); " + check.rows() + " rows matched (id sum "
                        + check.idSum() + "): a row was skipped");
            }
        }
    }

    /** Empties the log for the next operation. */
    public static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + TABLE);
        }
    }
}
