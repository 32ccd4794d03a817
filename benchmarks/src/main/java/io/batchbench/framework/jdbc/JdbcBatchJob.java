package io.batchbench.framework.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.batchbench.workload.OrderRow;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobProgress;

/** The JDBC reference for the batch job: rows read as {@link OrderRow}s, written back in one batch per chunk. */
final class JdbcBatchJob implements BatchJob {

    private static final String COLUMNS = "SELECT id, customer_id, status, amount, created_at, note FROM orders";
    static final String OFFSET_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' ORDER BY id LIMIT ? OFFSET ?";
    static final String KEYSET_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' AND id > ? ORDER BY id LIMIT ?";
    static final String PROCESS_ONE = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id = ?";
    static final String PROCESS_CHUNK = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + MATCHING + "' ORDER BY id LIMIT ?)";

    private final DataSource dataSource;

    JdbcBatchJob(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void offset(int chunkSize, JobProgress progress) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement read = connection.prepareStatement(OFFSET_CHUNK);
                 PreparedStatement process = connection.prepareStatement(PROCESS_ONE)) {
                read.setInt(1, chunkSize);
                long stillMatching = 0;
                List<OrderRow> chunk;
                do {
                    read.setLong(2, stillMatching);
                    chunk = read(read);
                    processChunk(connection, process, chunk, progress);
                    // Every row read was processed and no longer matches: the offset stays where it is.
                } while (chunk.size() == chunkSize);
            }
        });
    }

    @Override
    public void keyset(int chunkSize, JobProgress progress) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement read = connection.prepareStatement(KEYSET_CHUNK);
                 PreparedStatement process = connection.prepareStatement(PROCESS_ONE)) {
                read.setInt(2, chunkSize);
                long last = 0;
                List<OrderRow> chunk;
                do {
                    read.setLong(1, last);
                    chunk = read(read);
                    processChunk(connection, process, chunk, progress);
                    if (!chunk.isEmpty()) {
                        last = chunk.get(chunk.size() - 1).id();
                    }
                } while (chunk.size() == chunkSize);
            }
        });
    }

    @Override
    public void bulk(int chunkSize, JobProgress progress) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement process = connection.prepareStatement(PROCESS_CHUNK)) {
                process.setInt(1, chunkSize);
                int updated;
                do {
                    updated = process.executeUpdate();
                    connection.commit();
                    progress.processedInBulk(updated);
                } while (updated == chunkSize);
            }
        });
    }

    /** The rows a chunk's query returns; the concurrent job reads its chunks the same way. */
    static List<OrderRow> read(PreparedStatement read) throws SQLException {
        List<OrderRow> chunk = new ArrayList<>();
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                chunk.add(JdbcPaging.map(rs));
            }
        }
        return chunk;
    }

    private static void processChunk(Connection connection, PreparedStatement process, List<OrderRow> chunk,
                                     JobProgress progress) throws SQLException {
        for (OrderRow row : chunk) {
            process.setLong(1, row.id());
            process.addBatch();
            progress.processed(row.id());
        }
        process.executeBatch();
        connection.commit();
    }
}
