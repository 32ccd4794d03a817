package io.batchbench.framework.hibernate;

import java.util.List;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.Inserting;

/**
 * Inserts as the batch-processing chapter of the Hibernate documentation does: one stateful
 * session, {@code persist} of a new {@link OrderEntity} per row, {@code flush()} and
 * {@code clear()} after every chunk, so the persistence context never holds more than one chunk,
 * and a commit per transaction of the plan. Ids come from the pooled sequence generator, one
 * {@code nextval} per 50 rows: with IDENTITY ids Hibernate would have to send every INSERT on its
 * own to read the id back, and batching would silently stop.
 * <ul>
 * <li>{@code row}: that loop with JDBC batching switched off for the session
 *     ({@code setJdbcBatchSize(1)}): the flush sends one INSERT per row and waits for each.
 *     Batching is the only difference from {@code batch}, so the pair measures exactly it. It has
 *     to be asked for: without {@code hibernate.jdbc.batch_size}, Hibernate's PostgreSQL dialect
 *     batches 15 statements.</li>
 * <li>{@code batch}: {@code hibernate.jdbc.batch_size} is one chunk, so a flush is one JDBC batch.</li>
 * <li>{@code multirow}: Hibernate writes no multi-row INSERT; on PostgreSQL its way to one is
 *     pgjdbc's {@code reWriteBatchedInserts}, which rewrites the same JDBC batch into multi-row
 *     INSERTs. The code is {@code batch}'s; the pool must have the setting, which is checked.</li>
 * <li>{@code copy}: Hibernate has no COPY; {@code doWork} lends the session's connection, inside
 *     the session's transaction, to pgjdbc's CopyManager, and the ids come from the column default.</li>
 * </ul>
 * A StatelessSession would insert without a persistence context ({@code insertMultiple} batches a
 * list), but the stateful session is what the documentation and most applications use, and the
 * cost of its bookkeeping is part of what a Hibernate user pays.
 */
final class HibernateInserting implements Inserting {

    private final SessionFactory sessionFactory;

    HibernateInserting(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void row(InsertPlan plan) {
        sessionFactory.inSession(session -> {
            session.setJdbcBatchSize(1);
            persist(session, plan);
        });
    }

    @Override
    public void batch(InsertPlan plan) {
        sessionFactory.inSession(session -> persist(session, plan));
    }

    @Override
    public void multirow(InsertPlan plan) {
        sessionFactory.inSession(session -> {
            session.doWork(OrdersPersistenceUnit::requireBatchRewrite);
            persist(session, plan);
        });
    }

    @Override
    public void copy(InsertPlan plan) {
        sessionFactory.inSession(session -> {
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                session.inTransaction(tx -> session.doWork(connection -> CopyRows.copy(connection, transaction)));
            }
        });
    }

    private static void persist(Session session, InsertPlan plan) {
        for (List<List<NewOrder>> transaction : plan.transactions()) {
            session.inTransaction(tx -> {
                for (List<NewOrder> chunk : transaction) {
                    for (NewOrder order : chunk) {
                        session.persist(new OrderEntity(order));
                    }
                    session.flush();
                    session.clear();
                }
            });
        }
    }
}
