package io.batchbench.framework.vertx;

import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import io.batchbench.workload.OrderRow;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;
import io.batchbench.workload.job.ReactiveJob;

/**
 * The concurrent job on the Vert.x PostgreSQL client: each chunk is a {@code pool.withTransaction}
 * (BEGIN, the chunk, COMMIT on one pooled connection, rolled back if any stage fails), and the
 * next chunk is composed on the previous one's completion, so a unit holds no thread between
 * statements. A chunk is read as {@link OrderRow}s, its UPDATEs sent with
 * {@code preparedQuery(...).executeBatch(tuples)} (one round trip for the whole batch, pipelined),
 * its ids logged in {@link ProcessedIds}; {@code bulk} takes the ids from {@code RETURNING}. The
 * statements are the JDBC reference's, with numbered parameters.
 */
final class VertxJob implements ReactiveJob {

    private static final String COLUMNS = "SELECT id, customer_id, status, amount, created_at, note FROM orders";
    private static final String MATCHING_RANGE = "SELECT min(id), max(id) FROM orders WHERE status = '" + MATCHING + "'";
    private static final String RANGE_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' AND id > $1 AND id <= $2"
            + " ORDER BY id LIMIT $3";
    private static final String CLAIM_CHUNK = COLUMNS + " WHERE status = '" + MATCHING + "' ORDER BY id LIMIT $1"
            + " FOR UPDATE SKIP LOCKED";
    private static final String PROCESS_ONE = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id = $1";
    private static final String CLAIM_AND_PROCESS_CHUNK = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + MATCHING + "' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id";

    private final Pool pool;

    VertxJob(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<IdRange> matchingRange() {
        return pool.query(MATCHING_RANGE).execute().map(rows -> {
            Row row = rows.iterator().next();
            Long from = row.getLong(0);
            return from == null ? IdRange.EMPTY : new IdRange(from, row.getLong(1));
        }).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> range(IdRange range, int chunkSize, ChunkLog log) {
        return rangeAfter(range.from() - 1, range.to(), chunkSize, log).toCompletionStage();
    }

    private Future<Void> rangeAfter(long last, long to, int chunkSize, ChunkLog log) {
        long start = System.nanoTime();
        return pool.withTransaction(connection -> connection.preparedQuery(RANGE_CHUNK)
                        .execute(Tuple.of(last, to, chunkSize))
                        .compose(rows -> process(connection, rows)))
                .compose(ids -> {
                    committed(ids, log, start);
                    return ids.length == chunkSize && !log.stopRequested()
                            ? rangeAfter(ids[ids.length - 1], to, chunkSize, log) : Future.succeededFuture();
                });
    }

    @Override
    public CompletionStage<Void> skipLocked(int chunkSize, ChunkLog log) {
        return untilEmpty(connection -> connection.preparedQuery(CLAIM_CHUNK).execute(Tuple.of(chunkSize))
                .compose(rows -> process(connection, rows)), log).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> bulk(int chunkSize, ChunkLog log) {
        return untilEmpty(connection -> connection.preparedQuery(CLAIM_AND_PROCESS_CHUNK).execute(Tuple.of(chunkSize))
                .compose(rows -> log(connection, ids(rows))), log).toCompletionStage();
    }

    // One chunk per transaction until a chunk finds no row.
    private Future<Void> untilEmpty(Function<SqlConnection, Future<long[]>> chunk, ChunkLog log) {
        long start = System.nanoTime();
        return pool.withTransaction(chunk).compose(ids -> {
            committed(ids, log, start);
            return ids.length > 0 && !log.stopRequested() ? untilEmpty(chunk, log) : Future.succeededFuture();
        });
    }

    private static Future<long[]> process(SqlConnection connection, RowSet<Row> rows) {
        List<Tuple> updates = new ArrayList<>(rows.size());
        long[] ids = new long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            OrderRow order = map(row);
            ids[i++] = order.id();
            updates.add(Tuple.of(order.id()));
        }
        if (updates.isEmpty()) {
            return Future.succeededFuture(ids);
        }
        return connection.preparedQuery(PROCESS_ONE).executeBatch(updates).compose(done -> log(connection, ids));
    }

    private static Future<long[]> log(SqlConnection connection, long[] ids) {
        if (ids.length == 0) {
            return Future.succeededFuture(ids);
        }
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return connection.preparedQuery(ProcessedIds.RECORD_NUMBERED).execute(Tuple.of(boxed)).map(done -> ids);
    }

    private static long[] ids(RowSet<Row> rows) {
        long[] ids = new long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            ids[i++] = row.getLong(0);
        }
        return ids;
    }

    private static void committed(long[] ids, ChunkLog log, long start) {
        if (ids.length > 0) {
            log.committed(ids, start);
        }
    }

    static OrderRow map(Row row) {
        return new OrderRow(row.getLong(0), row.getInteger(1), row.getString(2), row.getBigDecimal(3),
                row.getOffsetDateTime(4), row.getString(5));
    }
}
