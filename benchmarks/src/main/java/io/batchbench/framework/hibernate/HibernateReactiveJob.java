package io.batchbench.framework.hibernate;

import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;
import io.batchbench.workload.job.ReactiveJob;
import io.smallrye.mutiny.Uni;

/**
 * The concurrent job on Hibernate Reactive: each chunk a {@code withStatelessTransaction}, the next
 * chunk chained on the previous one's completion. {@code range} and {@code skipLocked} load the
 * chunk with the blocking adapter's HQL ({@code setLockMode(LockMode.UPGRADE_SKIPLOCKED)} for the
 * claim), set the status and write the rows with {@code updateAll(batchSize, rows)}, the stateless
 * session's batched update; {@code bulk} is the blocking adapter's native UPDATE … RETURNING. The
 * processed-ids log is a native mutation query binding the ids as one array parameter.
 */
final class HibernateReactiveJob implements ReactiveJob {

    private static final String CHUNK = "from OrderEntity where status = '" + MATCHING + "'";
    private static final String RANGE_CHUNK = CHUNK + " and id > :last and id <= :to order by id";
    private static final String CLAIM_CHUNK = CHUNK + " order by id";
    private static final String CLAIM_AND_PROCESS_CHUNK = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + MATCHING + "' ORDER BY id LIMIT :chunk FOR UPDATE SKIP LOCKED)"
            + " RETURNING id";
    private static final String RECORD = "INSERT INTO " + ProcessedIds.TABLE + " (id) SELECT unnest(CAST(:ids AS int8[]))";

    private final Mutiny.SessionFactory sessionFactory;

    HibernateReactiveJob(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public CompletionStage<IdRange> matchingRange() {
        return sessionFactory.withStatelessSession(session -> session
                        .createSelectionQuery("select min(id), max(id) " + CHUNK, Object[].class).getSingleResult())
                .map(range -> range[0] == null ? IdRange.EMPTY : new IdRange((Long) range[0], (Long) range[1]))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> range(IdRange range, int chunkSize, ChunkLog log) {
        return rangeAfter(range.from() - 1, range.to(), chunkSize, log).subscribeAsCompletionStage();
    }

    private Uni<Void> rangeAfter(long last, long to, int chunkSize, ChunkLog log) {
        long start = System.nanoTime();
        return sessionFactory.withStatelessTransaction(session -> session
                        .createSelectionQuery(RANGE_CHUNK, OrderEntity.class)
                        .setParameter("last", last)
                        .setParameter("to", to)
                        .setMaxResults(chunkSize)
                        .getResultList()
                        .chain(chunk -> process(session, chunk, chunkSize)))
                .chain(ids -> {
                    committed(ids, log, start);
                    return ids.length == chunkSize && !log.stopRequested()
                            ? rangeAfter(ids[ids.length - 1], to, chunkSize, log) : Uni.createFrom().voidItem();
                });
    }

    @Override
    public CompletionStage<Void> skipLocked(int chunkSize, ChunkLog log) {
        return untilEmpty(session -> session.createSelectionQuery(CLAIM_CHUNK, OrderEntity.class)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(chunkSize)
                .getResultList()
                .chain(chunk -> process(session, chunk, chunkSize)), log).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> bulk(int chunkSize, ChunkLog log) {
        return untilEmpty(session -> session.createNativeQuery(CLAIM_AND_PROCESS_CHUNK, Long.class)
                .setParameter("chunk", chunkSize)
                .getResultList()
                .chain(ids -> log(session, ids.stream().mapToLong(Long::longValue).toArray())), log)
                .subscribeAsCompletionStage();
    }

    // One chunk per transaction until a chunk finds no row.
    private Uni<Void> untilEmpty(Function<Mutiny.StatelessSession, Uni<long[]>> chunk, ChunkLog log) {
        long start = System.nanoTime();
        return sessionFactory.withStatelessTransaction(chunk::apply).chain(ids -> {
            committed(ids, log, start);
            return ids.length > 0 && !log.stopRequested() ? untilEmpty(chunk, log) : Uni.createFrom().voidItem();
        });
    }

    private static Uni<long[]> process(Mutiny.StatelessSession session, List<OrderEntity> chunk, int chunkSize) {
        long[] ids = chunk.stream().mapToLong(OrderEntity::getId).toArray();
        if (ids.length == 0) {
            return Uni.createFrom().item(ids);
        }
        chunk.forEach(order -> order.setStatus(PROCESSED));
        return session.updateAll(chunkSize, chunk.toArray()).chain(() -> log(session, ids));
    }

    private static Uni<long[]> log(Mutiny.StatelessSession session, long[] ids) {
        if (ids.length == 0) {
            return Uni.createFrom().item(ids);
        }
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return session.createNativeMutationQuery(RECORD).setParameter("ids", boxed).executeUpdate().replaceWith(ids);
    }

    private static void committed(long[] ids, ChunkLog log, long start) {
        if (ids.length > 0) {
            log.committed(ids, start);
        }
    }
}
