package io.batchbench.framework.hibernate;

import static io.batchbench.workload.job.BatchJob.MATCHING;
import static io.batchbench.workload.job.BatchJob.PROCESSED;

import java.util.List;

import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.IdRange;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The concurrent job with a session per unit (a {@code Session} is not thread-safe; the
 * {@code SessionFactory} is, as the user guide's "Architecture" chapter says) and a transaction
 * per chunk: the chunk loaded as managed {@link OrderEntity}s, processed by setting their status,
 * written by dirty checking at commit as one JDBC batch, the session cleared after each chunk.
 * <ul>
 * <li>{@code range}: HQL {@code where status = 'NEW' and id > :last and id <= :to order by id}.</li>
 * <li>{@code skipLocked}: the same query without the range, with
 *     {@code setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED)}, which the PostgreSQL dialect
 *     renders as {@code for no key update skip locked} (the "Pessimistic locking" chapter).</li>
 * <li>{@code bulk}: HQL has no {@code SKIP LOCKED} in a subquery nor {@code RETURNING}, so the
 *     statement is a native query in a {@code StatelessSession}, the user guide's way to say what
 *     HQL cannot.</li>
 * </ul>
 * The processed-ids log is written with {@code doWork} on the session's own connection.
 */
final class HibernateConcurrentJob implements ConcurrentJob {

    private static final String CHUNK = "from OrderEntity where status = '" + MATCHING + "'";
    private static final String RANGE_CHUNK = CHUNK + " and id > :last and id <= :to order by id";
    private static final String CLAIM_CHUNK = CHUNK + " order by id";
    private static final String CLAIM_AND_PROCESS_CHUNK = "UPDATE orders SET status = '" + PROCESSED + "' WHERE id IN"
            + " (SELECT id FROM orders WHERE status = '" + MATCHING + "' ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id";

    private final SessionFactory sessionFactory;

    HibernateConcurrentJob(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public IdRange matchingRange() {
        Object[] range = sessionFactory.fromStatelessTransaction(session -> session.createSelectionQuery(
                "select min(id), max(id) " + CHUNK, Object[].class).getSingleResult());
        return range[0] == null ? IdRange.EMPTY : new IdRange((Long) range[0], (Long) range[1]);
    }

    @Override
    public void range(IdRange range, int chunkSize, ChunkLog log) {
        sessionFactory.inSession(session -> {
            SelectionQuery<OrderEntity> read = session.createSelectionQuery(RANGE_CHUNK, OrderEntity.class)
                    .setParameter("to", range.to())
                    .setMaxResults(chunkSize);
            long last = range.from() - 1;
            List<OrderEntity> chunk;
            do {
                chunk = processChunk(session, read.setParameter("last", last), log);
                if (!chunk.isEmpty()) {
                    last = chunk.getLast().getId();
                }
            } while (chunk.size() == chunkSize && !log.stopRequested());
        });
    }

    @Override
    public void skipLocked(int chunkSize, ChunkLog log) {
        sessionFactory.inSession(session -> {
            SelectionQuery<OrderEntity> claim = session.createSelectionQuery(CLAIM_CHUNK, OrderEntity.class)
                    .setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED)
                    .setMaxResults(chunkSize);
            List<OrderEntity> chunk;
            do {
                chunk = processChunk(session, claim, log);
            } while (!chunk.isEmpty() && !log.stopRequested());
        });
    }

    @Override
    public void bulk(int chunkSize, ChunkLog log) {
        sessionFactory.inStatelessSession(session -> {
            long[] ids;
            do {
                long start = System.nanoTime();
                ids = session.fromTransaction(tx -> {
                    long[] updated = session.createNativeQuery(CLAIM_AND_PROCESS_CHUNK, Long.class)
                            .setParameter(1, chunkSize)
                            .getResultList().stream().mapToLong(Long::longValue).toArray();
                    if (updated.length > 0) {
                        session.doWork(connection -> ProcessedIds.record(connection, updated));
                    }
                    return updated;
                });
                if (ids.length > 0) {
                    log.committed(ids, start);
                }
            } while (ids.length > 0 && !log.stopRequested());
        });
    }

    private static List<OrderEntity> processChunk(Session session, SelectionQuery<OrderEntity> read, ChunkLog log) {
        long start = System.nanoTime();
        long[] ids = {};
        List<OrderEntity> chunk = session.fromTransaction(tx -> {
            List<OrderEntity> rows = read.getResultList();
            long[] processed = new long[rows.size()];
            for (int i = 0; i < processed.length; i++) {
                rows.get(i).setStatus(PROCESSED);
                processed[i] = rows.get(i).getId();
            }
            if (processed.length > 0) {
                session.doWork(connection -> ProcessedIds.record(connection, processed));
            }
            return rows;
        });
        session.clear();
        if (!chunk.isEmpty()) {
            ids = chunk.stream().mapToLong(OrderEntity::getId).toArray();
            log.committed(ids, start);
        }
        return chunk;
    }
}
