package io.batchbench.framework.springdata;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.Inserting;

/**
 * Inserts through the repository, one {@code TransactionTemplate} transaction per transaction of
 * the plan, with the persistence context cleared after every chunk, as the {@code hibernate}
 * adapter's batch-processing loop does. Ids come from {@link OrderEntity}'s pooled sequence, so
 * {@code save} sees a null id, knows the entity is new and calls {@code persist}: no SELECT first
 * ({@code AssignedIdsSelectBeforeInsertTest} shows what an assigned id costs), and JDBC batching
 * works ({@code IdentityIdsDisableSaveAllBatchingTest} shows what IDENTITY ids cost).
 * <ul>
 * <li>{@code row}: {@code saveAndFlush} per row, so each INSERT goes as it is saved and waits
 *     for its answer. A plain {@code save} per row sends nothing until the flush, then batches
 *     exactly as {@code saveAll} does ({@code saveAll} is a loop over {@code save}): with the
 *     unit's {@code hibernate.jdbc.batch_size} it would be {@code batch} under another name. Each
 *     flush also dirty-checks the entities the chunk has saved so far: that is what
 *     {@code saveAndFlush} in a loop costs.</li>
 * <li>{@code batch}: {@code saveAll} of a chunk, then {@code flush()} and {@code clear()}: one JDBC
 *     batch per chunk.</li>
 * <li>{@code multirow}: {@code batch}'s code on a pool with pgjdbc's {@code reWriteBatchedInserts},
 *     which rewrites each JDBC batch into multi-row INSERTs, as in the {@code hibernate} adapter;
 *     it refuses to run on a pool without it.</li>
 * <li>{@code copy}: Spring Data has no COPY; Spring's users take the transaction's connection with
 *     {@code JdbcTemplate.execute(ConnectionCallback)}, which the {@code JpaTransactionManager}
 *     binds to the entity manager's own, and hand it to pgjdbc's CopyManager ({@link CopyRows}).</li>
 * </ul>
 */
final class SpringDataInserting implements Inserting {

    private final OrderRepository orders;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    SpringDataInserting(OrderRepository orders, PlatformTransactionManager transactions, EntityManager entityManager,
                        JdbcTemplate jdbc) {
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Override
    public void row(InsertPlan plan) {
        for (List<List<NewOrder>> chunks : plan.transactions()) {
            transaction.executeWithoutResult(status -> {
                for (List<NewOrder> chunk : chunks) {
                    for (NewOrder order : chunk) {
                        orders.saveAndFlush(new OrderEntity(order));
                    }
                    entityManager.clear();
                }
            });
        }
    }

    @Override
    public void batch(InsertPlan plan) {
        saveAll(plan);
    }

    @Override
    public void multirow(InsertPlan plan) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            OrdersPersistenceUnit.requireBatchRewrite(connection);
            return null;
        });
        saveAll(plan);
    }

    @Override
    public void copy(InsertPlan plan) {
        for (List<List<NewOrder>> chunks : plan.transactions()) {
            transaction.executeWithoutResult(status ->
                    jdbc.execute((ConnectionCallback<Long>) connection -> CopyRows.copy(connection, chunks)));
        }
    }

    private void saveAll(InsertPlan plan) {
        for (List<List<NewOrder>> chunks : plan.transactions()) {
            transaction.executeWithoutResult(status -> {
                for (List<NewOrder> chunk : chunks) {
                    List<OrderEntity> entities = new ArrayList<>(chunk.size());
                    for (NewOrder order : chunk) {
                        entities.add(new OrderEntity(order));
                    }
                    orders.saveAll(entities);
                    orders.flush();
                    entityManager.clear();
                }
            });
        }
    }
}
