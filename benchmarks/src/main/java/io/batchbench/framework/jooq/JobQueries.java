package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;
import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;

/**
 * The concurrent job's queries, built once for both of jOOQ's ways to run them: fetched on a
 * blocking {@code DSLContext} ({@link JooqConcurrentJob}) or subscribed to as publishers over R2DBC
 * ({@link JooqReactiveJob}), so the two cells send the same SQL.
 */
final class JobQueries {

    private JobQueries() {
    }

    /** The lowest and highest id still to process (both null when none is). */
    static ResultQuery<Record2<Long, Long>> matchingRange(DSLContext ctx) {
        return ctx.select(min(ORDERS.ID), max(ORDERS.ID)).from(ORDERS).where(ORDERS.STATUS.eq(MATCHING));
    }

    /** The next chunk of a worker's own id range, after the last id it processed. */
    static ResultQuery<OrdersRecord> rangeChunk(DSLContext ctx, long after, long to, int chunkSize) {
        return ctx.selectFrom(ORDERS)
                .where(ORDERS.STATUS.eq(MATCHING))
                .and(ORDERS.ID.le(to))
                .orderBy(ORDERS.ID)
                .seek(after)
                .limit(chunkSize);
    }

    /** The next chunk nobody holds, locked for this transaction (the queue idiom). */
    static ResultQuery<OrdersRecord> claimChunk(DSLContext ctx, int chunkSize) {
        return ctx.selectFrom(ORDERS)
                .where(ORDERS.STATUS.eq(MATCHING))
                .orderBy(ORDERS.ID)
                .limit(chunkSize)
                .forUpdate()
                .skipLocked();
    }

    /** Claims and processes a chunk nobody holds in one statement, returning the ids it changed. */
    static ResultQuery<Record1<Long>> processChunk(DSLContext ctx, int chunkSize) {
        return ctx.update(ORDERS)
                .set(ORDERS.STATUS, PROCESSED)
                .where(ORDERS.ID.in(select(ORDERS.ID)
                        .from(ORDERS)
                        .where(ORDERS.STATUS.eq(MATCHING))
                        .orderBy(ORDERS.ID)
                        .limit(chunkSize)
                        .forUpdate()
                        .skipLocked()))
                .returningResult(ORDERS.ID);
    }
}
