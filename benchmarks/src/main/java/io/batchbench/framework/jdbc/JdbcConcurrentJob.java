package io.batchbench.framework.jdbc;

import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.batchbench.workload.OrderRow;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The JDBC reference for the concurrent job: each unit on its own pooled connection, a chunk read
 * as {@link OrderRow}s and written back as one batch of UPDATEs, the chunk's ids logged
 * ({@link ProcessedIds}) and committed. {@code bulk} loads nothing and takes the ids from
 * {@code RETURNING}.
 */
final class JdbcConcurrentJob implements ConcurrentJob {

    private static final String COLUMNS = "SELECT id, customer_id, status, amount, created_at, note FROM orders";
    static final String MATCHING_RANGE = "SELECT min(id), max(id) FROM orders WHERE status = '" + MATCHING + "'";
    static final String RANGE_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' AND id > ? AND id <= ?"
            + " ORDER BY id LIMIT ?";
    static final String CLAIM_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' ORDER BY id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED";
    static final String CLAIM_AND_PROCESS_CHUNK = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + MATCHING + "' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING id";

    private final DataSource dataSource;

    JdbcConcurrentJob(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public IdRange matchingRange() {
        IdRange[] range = {IdRange.EMPTY};
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(MATCHING_RANGE);
                 ResultSet rs = query.executeQuery()) {
                rs.next();
                long from = rs.getLong(1);
                if (!rs.wasNull()) {
                    range[0] = new IdRange(from, rs.getLong(2));
                }
            }
        });
        return range[0];
    }

    @Override
    public void range(IdRange range, int chunkSize, ChunkLog log) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement read = connection.prepareStatement(RANGE_CHUNK);
                 PreparedStatement process = connection.prepareStatement(JdbcBatchJob.PROCESS_ONE)) {
                read.setLong(2, range.to());
                read.setInt(3, chunkSize);
                long last = range.from() - 1;
                List<OrderRow> chunk;
                do {
                    long start = System.nanoTime();
                    read.setLong(1, last);
                    chunk = JdbcBatchJob.read(read);
                    process(connection, process, chunk, log, start);
                    if (!chunk.isEmpty()) {
                        last = chunk.getLast().id();
                    }
                } while (chunk.size() == chunkSize && !log.stopRequested());
            }
        });
    }

    @Override
    public void skipLocked(int chunkSize, ChunkLog log) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM_CHUNK);
                 PreparedStatement process = connection.prepareStatement(JdbcBatchJob.PROCESS_ONE)) {
                claim.setInt(1, chunkSize);
                List<OrderRow> chunk;
                do {
                    long start = System.nanoTime();
                    chunk = JdbcBatchJob.read(claim);
                    process(connection, process, chunk, log, start);
                } while (!chunk.isEmpty() && !log.stopRequested());
            }
        });
    }

    @Override
    public void bulk(int chunkSize, ChunkLog log) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement process = connection.prepareStatement(CLAIM_AND_PROCESS_CHUNK)) {
                process.setInt(1, chunkSize);
                long[] ids;
                do {
                    long start = System.nanoTime();
                    List<Long> updated = new ArrayList<>(chunkSize);
                    try (ResultSet rs = process.executeQuery()) {
                        while (rs.next()) {
                            updated.add(rs.getLong(1));
                        }
                    }
                    ids = updated.stream().mapToLong(Long::longValue).toArray();
                    commit(connection, ids, log, start);
                } while (ids.length > 0 && !log.stopRequested());
            }
        });
    }

    private static void process(Connection connection, PreparedStatement process, List<OrderRow> chunk, ChunkLog log,
                                long start) throws SQLException {
        long[] ids = new long[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = chunk.get(i).id();
            process.setLong(1, ids[i]);
            process.addBatch();
        }
        if (ids.length > 0) {
            process.executeBatch();
        }
        commit(connection, ids, log, start);
    }

    // An empty chunk commits too: it ends the claiming transaction, which holds no lock then.
    private static void commit(Connection connection, long[] ids, ChunkLog log, long start) throws SQLException {
        if (ids.length > 0) {
            ProcessedIds.record(connection, ids);
        }
        connection.commit();
        if (ids.length > 0) {
            log.committed(ids, start);
        }
    }
}
