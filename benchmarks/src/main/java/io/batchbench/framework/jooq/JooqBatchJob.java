package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;
import static org.jooq.impl.DSL.select;

import org.jooq.DSLContext;
import org.jooq.Result;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobProgress;

/**
 * The batch job in jOOQ's idiom, one {@code ctx.transaction} per chunk (each one round trip more than the
 * JDBC reference's commit: the isolation-level read {@link JooqPaging} describes). {@code offset} and {@code keyset}
 * fetch the chunk as {@link OrdersRecord}s ({@code limit().offset()}, or {@code seek()} after the last id),
 * set their status and write them back with {@code batchUpdate}: one JDBC batch of
 * {@code UPDATE ... SET status = ? WHERE id = ?} per chunk, as the JDBC reference sends. {@code bulk} runs
 * {@code update(ORDERS) ... where(ID.in(select(ID) ... limit(n)))} per chunk, loading nothing.
 */
final class JooqBatchJob implements BatchJob {

    private final DSLContext ctx;

    JooqBatchJob(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void offset(int chunkSize, JobProgress progress) {
        // Every row read is processed and no longer matches: the offset stays where it is.
        long stillMatching = 0;
        Result<OrdersRecord> chunk;
        do {
            chunk = ctx.transactionResult(tx -> process(tx.dsl(), tx.dsl().selectFrom(ORDERS)
                    .where(ORDERS.STATUS.eq(MATCHING))
                    .orderBy(ORDERS.ID)
                    .limit(chunkSize)
                    .offset(stillMatching)
                    .fetch(), progress));
        } while (chunk.size() == chunkSize);
    }

    @Override
    public void keyset(int chunkSize, JobProgress progress) {
        long last = 0;
        Result<OrdersRecord> chunk;
        do {
            long after = last;
            chunk = ctx.transactionResult(tx -> process(tx.dsl(), tx.dsl().selectFrom(ORDERS)
                    .where(ORDERS.STATUS.eq(MATCHING))
                    .orderBy(ORDERS.ID)
                    .seek(after)
                    .limit(chunkSize)
                    .fetch(), progress));
            if (!chunk.isEmpty()) {
                last = chunk.getLast().getId();
            }
        } while (chunk.size() == chunkSize);
    }

    @Override
    public void bulk(int chunkSize, JobProgress progress) {
        int updated;
        do {
            updated = ctx.transactionResult(tx -> tx.dsl().update(ORDERS)
                    .set(ORDERS.STATUS, PROCESSED)
                    .where(ORDERS.ID.in(select(ORDERS.ID)
                            .from(ORDERS)
                            .where(ORDERS.STATUS.eq(MATCHING))
                            .orderBy(ORDERS.ID)
                            .limit(chunkSize)))
                    .execute());
            progress.processedInBulk(updated);
        } while (updated == chunkSize);
    }

    private static Result<OrdersRecord> process(DSLContext tx, Result<OrdersRecord> chunk, JobProgress progress) {
        for (OrdersRecord order : chunk) {
            order.setStatus(PROCESSED);
            progress.processed(order.getId());
        }
        tx.batchUpdate(chunk).execute();
        return chunk;
    }
}
