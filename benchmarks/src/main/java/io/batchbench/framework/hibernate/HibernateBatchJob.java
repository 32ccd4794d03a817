package io.batchbench.framework.hibernate;

import java.util.List;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobProgress;

/**
 * The batch job in one stateful session per job and one transaction per chunk: each chunk is
 * loaded as managed {@link OrderEntity}s with an HQL query, processed by setting their status, and
 * written by dirty checking at commit, as one JDBC batch of UPDATEs; the session is cleared after
 * each commit, so it holds one chunk at a time.
 * <ul>
 * <li>{@code offset}: {@code setFirstResult}/{@code setMaxResults}. The first result stays at 0,
 *     because every row read was processed and no longer matches.</li>
 * <li>{@code keyset}: {@code where id > :last} with {@code setMaxResults}. Not Hibernate's
 *     {@code KeyedPage}: it fetches one row more than the page, to know whether another follows,
 *     and the chunk would no longer be the reference's query.</li>
 * <li>{@code bulk}: one HQL mutation query per chunk, {@code update ... where id in (select ...
 *     order by id limit :chunk)}, through a StatelessSession since nothing is loaded.</li>
 * </ul>
 */
final class HibernateBatchJob implements BatchJob {

    private static final String CHUNK = "from OrderEntity where status = '" + MATCHING + "'";
    private static final String OFFSET_CHUNK = CHUNK + " order by id";
    private static final String KEYSET_CHUNK = CHUNK + " and id > :last order by id";
    private static final String PROCESS_CHUNK = "update OrderEntity set status = '" + PROCESSED + "' where id in"
            + " (select id from OrderEntity where status = '" + MATCHING + "' order by id limit :chunk)";

    private final SessionFactory sessionFactory;

    HibernateBatchJob(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void offset(int chunkSize, JobProgress progress) {
        sessionFactory.inSession(session -> {
            SelectionQuery<OrderEntity> read = session.createSelectionQuery(OFFSET_CHUNK, OrderEntity.class)
                    .setFirstResult(0)
                    .setMaxResults(chunkSize);
            List<OrderEntity> chunk;
            do {
                chunk = processChunk(session, read, progress);
            } while (chunk.size() == chunkSize);
        });
    }

    @Override
    public void keyset(int chunkSize, JobProgress progress) {
        sessionFactory.inSession(session -> {
            SelectionQuery<OrderEntity> read = session.createSelectionQuery(KEYSET_CHUNK, OrderEntity.class)
                    .setMaxResults(chunkSize);
            long last = 0;
            List<OrderEntity> chunk;
            do {
                chunk = processChunk(session, read.setParameter("last", last), progress);
                if (!chunk.isEmpty()) {
                    last = chunk.getLast().getId();
                }
            } while (chunk.size() == chunkSize);
        });
    }

    @Override
    public void bulk(int chunkSize, JobProgress progress) {
        sessionFactory.inStatelessSession(session -> {
            MutationQuery process = session.createMutationQuery(PROCESS_CHUNK).setParameter("chunk", chunkSize);
            int updated;
            do {
                updated = session.fromTransaction(tx -> process.executeUpdate());
                progress.processedInBulk(updated);
            } while (updated == chunkSize);
        });
    }

    private static List<OrderEntity> processChunk(Session session, SelectionQuery<OrderEntity> read,
                                                  JobProgress progress) {
        List<OrderEntity> chunk = session.fromTransaction(tx -> {
            List<OrderEntity> rows = read.getResultList();
            for (OrderEntity row : rows) {
                row.setStatus(PROCESSED);
                progress.processed(row.getId());
            }
            return rows;
        });
        session.clear();
        return chunk;
    }
}
