package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The concurrent job in jOOQ's idiom: the {@code DSLContext} is shared by every unit (it is
 * thread-safe once configured, as the manual's "Thread safety" section says), and each chunk is a
 * {@code ctx.transactionResult}, which takes its own pooled connection. {@code range} fetches the
 * chunk with {@code seek()} inside the unit's ids, {@code skipLocked} with
 * {@code forUpdate().skipLocked()}; both write it back with {@code batchUpdate} as
 * {@link JooqBatchJob} does. {@code bulk} is one {@code update(ORDERS) ... where(ID.in(select ...
 * forUpdate().skipLocked())).returning(ID)} per chunk. The processed-ids log goes through
 * {@code tx.dsl().connection(...)}, the transaction's own connection.
 */
final class JooqConcurrentJob implements ConcurrentJob {

    private final DSLContext ctx;

    JooqConcurrentJob(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public IdRange matchingRange() {
        Record2<Long, Long> range = JobQueries.matchingRange(ctx).fetchSingle();
        return range.value1() == null ? IdRange.EMPTY : new IdRange(range.value1(), range.value2());
    }

    @Override
    public void range(IdRange range, int chunkSize, ChunkLog log) {
        long last = range.from() - 1;
        Result<OrdersRecord> chunk;
        do {
            long after = last;
            long start = System.nanoTime();
            chunk = ctx.transactionResult(tx -> process(tx.dsl(),
                    JobQueries.rangeChunk(tx.dsl(), after, range.to(), chunkSize).fetch()));
            logCommitted(chunk, log, start);
            if (!chunk.isEmpty()) {
                last = chunk.getLast().getId();
            }
        } while (chunk.size() == chunkSize && !log.stopRequested());
    }

    @Override
    public void skipLocked(int chunkSize, ChunkLog log) {
        Result<OrdersRecord> chunk;
        do {
            long start = System.nanoTime();
            chunk = ctx.transactionResult(tx -> process(tx.dsl(), JobQueries.claimChunk(tx.dsl(), chunkSize).fetch()));
            logCommitted(chunk, log, start);
        } while (!chunk.isEmpty() && !log.stopRequested());
    }

    @Override
    public void bulk(int chunkSize, ChunkLog log) {
        long[] ids;
        do {
            long start = System.nanoTime();
            ids = ctx.transactionResult(tx -> {
                long[] updated = JobQueries.processChunk(tx.dsl(), chunkSize)
                        .fetch(ORDERS.ID).stream().mapToLong(Long::longValue).toArray();
                log(tx.dsl(), updated);
                return updated;
            });
            if (ids.length > 0) {
                log.committed(ids, start);
            }
        } while (ids.length > 0 && !log.stopRequested());
    }

    private static Result<OrdersRecord> process(DSLContext tx, Result<OrdersRecord> chunk) {
        for (OrdersRecord order : chunk) {
            order.setStatus(PROCESSED);
        }
        if (!chunk.isEmpty()) {
            tx.batchUpdate(chunk).execute();
            log(tx, chunk.stream().mapToLong(OrdersRecord::getId).toArray());
        }
        return chunk;
    }

    private static void log(DSLContext tx, long[] ids) {
        if (ids.length > 0) {
            tx.connection(connection -> ProcessedIds.record(connection, ids));
        }
    }

    private static void logCommitted(Result<OrdersRecord> chunk, ChunkLog log, long start) {
        if (!chunk.isEmpty()) {
            log.committed(chunk.stream().mapToLong(OrdersRecord::getId).toArray(), start);
        }
    }
}
