package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;
import io.batchbench.workload.job.ReactiveJob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The concurrent job on jOOQ over R2DBC: each chunk a {@code ctx.transactionPublisher}, the next
 * chunk subscribed when the previous one completed. {@code range} and {@code skipLocked} fetch the
 * chunk as {@link OrdersRecord}s (the same queries as {@link JooqConcurrentJob}, subscribed as
 * publishers) and send its UPDATEs as {@code batch(update ... where(ID.eq((Long) null))).bind(status, id)}
 * per row: r2dbc-postgresql runs a bound batch as one statement execution per binding, each its own
 * round trip, where pgjdbc and Vert.x pipeline the batch (the audit counts it). {@code bulk} is the
 * {@code update ... returningResult(ID)} of the blocking adapter. The log is
 * {@link ProcessedIds#RECORD} as a plain SQL query, bound to the chunk's ids.
 */
final class JooqReactiveJob implements ReactiveJob {

    private final DSLContext ctx;

    JooqReactiveJob(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletionStage<IdRange> matchingRange() {
        return Mono.from(JobQueries.matchingRange(ctx))
                .map(range -> range.value1() == null ? IdRange.EMPTY : new IdRange(range.value1(), range.value2()))
                .toFuture();
    }

    @Override
    public CompletionStage<Void> range(IdRange range, int chunkSize, ChunkLog log) {
        return rangeAfter(range.from() - 1, range.to(), chunkSize, log).toFuture();
    }

    private Mono<Void> rangeAfter(long last, long to, int chunkSize, ChunkLog log) {
        long start = System.nanoTime();
        return Mono.from(ctx.transactionPublisher(tx -> Flux.from(JobQueries.rangeChunk(tx.dsl(), last, to, chunkSize))
                        .collectList()
                        .flatMap(chunk -> process(tx.dsl(), chunk))))
                .flatMap(ids -> {
                    committed(ids, log, start);
                    return ids.length == chunkSize && !log.stopRequested()
                            ? rangeAfter(ids[ids.length - 1], to, chunkSize, log) : Mono.empty();
                });
    }

    @Override
    public CompletionStage<Void> skipLocked(int chunkSize, ChunkLog log) {
        return untilEmpty(tx -> Flux.from(JobQueries.claimChunk(tx, chunkSize))
                .collectList()
                .flatMap(chunk -> process(tx, chunk)), log).toFuture();
    }

    @Override
    public CompletionStage<Void> bulk(int chunkSize, ChunkLog log) {
        return untilEmpty(tx -> Flux.from(JobQueries.processChunk(tx, chunkSize))
                .map(record -> record.value1())
                .collectList()
                .flatMap(ids -> log(tx, ids.stream().mapToLong(Long::longValue).toArray())), log).toFuture();
    }

    // One chunk per transaction until a chunk finds no row.
    private Mono<Void> untilEmpty(Function<DSLContext, Mono<long[]>> chunk, ChunkLog log) {
        long start = System.nanoTime();
        return Mono.from(ctx.transactionPublisher(tx -> chunk.apply(tx.dsl())))
                .flatMap(ids -> {
                    committed(ids, log, start);
                    return ids.length > 0 && !log.stopRequested() ? untilEmpty(chunk, log) : Mono.empty();
                });
    }

    private static Mono<long[]> process(DSLContext tx, List<OrdersRecord> chunk) {
        long[] ids = chunk.stream().mapToLong(OrdersRecord::getId).toArray();
        if (ids.length == 0) {
            return Mono.just(ids);
        }
        // UPDATE orders SET status = ? WHERE id = ?, as the blocking adapter's batchUpdate sends it.
        BatchBindStep batch = tx.batch(tx.update(ORDERS).set(ORDERS.STATUS, (String) null).where(ORDERS.ID.eq((Long) null)));
        for (long id : ids) {
            batch = batch.bind(PROCESSED, id);
        }
        return Flux.from(batch).then(log(tx, ids));
    }

    private static Mono<long[]> log(DSLContext tx, long[] ids) {
        if (ids.length == 0) {
            return Mono.just(ids);
        }
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return Mono.from(tx.query(ProcessedIds.RECORD, (Object) boxed)).thenReturn(ids);
    }

    private static void committed(long[] ids, ChunkLog log, long start) {
        if (ids.length > 0) {
            log.committed(ids, start);
        }
    }
}
