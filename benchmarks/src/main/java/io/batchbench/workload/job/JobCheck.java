package io.batchbench.workload.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.batchbench.workload.WrongResultException;

/**
 * The batch job's starting point, check and reset, outside the measured region: which rows
 * match before the job, that afterwards none matches and exactly those were processed, and
 * putting them back (then VACUUM, so the next run does not wade through dead row versions).
 *
 * @param matchingIds the ids of the rows that match before the job, ascending, boxed once for the
 *                    reset's array parameter so that resets allocate little (-prof gc counts them)
 * @param idSum       their sum
 * @param processedBefore rows with the processed status before the job
 */
public record JobCheck(Long[] matchingIds, long idSum, long processedBefore) {

    public static JobCheck before(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM orders WHERE status = '" + BatchJob.MATCHING
                     + "' ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return new JobCheck(ids.toArray(Long[]::new), ids.stream().mapToLong(Long::longValue).sum(),
                count(connection, BatchJob.PROCESSED));
    }

    public long rows() {
        return matchingIds.length;
    }

    /** Throws unless no row matches any more and exactly the matching rows changed status. */
    public void verifyAfter(Connection connection, String cell) throws SQLException {
        long stillMatching = count(connection, BatchJob.MATCHING);
        long processed = count(connection, BatchJob.PROCESSED) - processedBefore;
        if (stillMatching != 0 || processed != matchingIds.length) {
            throw new WrongResultException(cell + " left " + stillMatching + " rows with status " + BatchJob.MATCHING
                    + " and processed " + processed + " of the " + matchingIds.length + " that matched");
        }
    }

    /** Puts the processed rows back to the matching status and vacuums. */
    public void reset(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE orders SET status = '" + BatchJob.MATCHING + "' WHERE id = ANY(?)")) {
            update.setArray(1, connection.createArrayOf("int8", matchingIds));
            update.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM orders");
        }
    }

    public static void dropStatusIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX orders_status_id_idx");
            statement.execute("ANALYZE orders");
        }
    }

    private static long count(Connection connection, String status) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM orders WHERE status = ?")) {
            count.setString(1, status);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
