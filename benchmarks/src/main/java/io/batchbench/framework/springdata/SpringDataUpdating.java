package io.batchbench.framework.springdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.Updating;

/**
 * Updates in one {@code TransactionTemplate} transaction each, in the repository's idiom where it
 * has one:
 * <ul>
 * <li>{@code dirtyCheck}: load-change-save. A derived query method loads a chunk of managed
 *     {@link OrderEntity}s (id range, in id order, {@code Limit} of a chunk), their amounts are
 *     set, {@code saveAll} is called on them as the Spring Data documentation's examples do
 *     (a {@code merge} of a managed entity, which sends nothing), and {@code flush()} lets
 *     Hibernate's dirty checking write the chunk as one JDBC batch of UPDATEs of every column
 *     (no {@code @DynamicUpdate}, as in the {@code hibernate} adapter); the context is then
 *     cleared.</li>
 * <li>{@code projection}: the chunk loaded as the {@link IdAndAmount} interface projection, a
 *     query of two columns. A projection is read-only and cannot be saved, and saving a new
 *     {@code OrderEntity} carrying only an id would merge, a SELECT per row; so the changed
 *     amounts are written as Spring's users write unread rows, {@code JdbcTemplate.batchUpdate}
 *     of {@code UPDATE orders SET amount = ? WHERE id = ?} in the same transaction, one JDBC
 *     batch per chunk.</li>
 * <li>{@code batch}: nothing read; that {@code JdbcTemplate.batchUpdate}, one batch per chunk.
 *     Spring Data JPA has no batched update of unread rows: a {@code @Modifying} query runs
 *     one statement per call, and {@code save} of an unread entity merges.</li>
 * <li>{@code bulk}: a {@code @Modifying @Query} HQL UPDATE computing the amount.</li>
 * <li>{@code values}: a {@code @Modifying} native query joining the chunk bound as two arrays
 *     ({@code unnest}), once per chunk, as the {@code hibernate} adapter does.</li>
 * </ul>
 */
final class SpringDataUpdating implements Updating {

    private static final String UPDATE_AMOUNT = "UPDATE orders SET amount = ? WHERE id = ?";

    private final OrderRepository orders;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    SpringDataUpdating(OrderRepository orders, PlatformTransactionManager transactions, EntityManager entityManager,
                       JdbcTemplate jdbc) {
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Override
    public void dirtyCheck(UpdatePlan plan) {
        Limit chunkSize = Limit.of(Chunks.MAX_ROWS);
        transaction.executeWithoutResult(status -> {
            long last = 0;
            List<OrderEntity> chunk;
            do {
                chunk = orders.findByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(last, plan.rows(), chunkSize);
                for (OrderEntity order : chunk) {
                    last = order.getId();
                    order.setAmount(plan.amount(last));
                }
                orders.saveAll(chunk);
                orders.flush();
                entityManager.clear();
            } while (!chunk.isEmpty() && last < plan.rows());
        });
    }

    @Override
    public void projection(UpdatePlan plan) {
        Limit chunkSize = Limit.of(Chunks.MAX_ROWS);
        transaction.executeWithoutResult(status -> {
            long last = 0;
            List<IdAndAmount> chunk;
            do {
                chunk = orders.findAmountsByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(last, plan.rows(), chunkSize);
                List<UpdatePlan.Change> changed = new ArrayList<>(chunk.size());
                for (IdAndAmount order : chunk) {
                    last = order.getId();
                    BigDecimal amount = plan.amount(last);
                    if (amount.compareTo(order.getAmount()) != 0) {
                        changed.add(new UpdatePlan.Change(last, amount));
                    }
                }
                writeAmounts(changed);
            } while (!chunk.isEmpty() && last < plan.rows());
        });
    }

    @Override
    public void batch(UpdatePlan plan) {
        transaction.executeWithoutResult(status -> plan.chunks().forEach(this::writeAmounts));
    }

    @Override
    public void bulk(UpdatePlan plan) {
        transaction.executeWithoutResult(status -> orders.updateAmountsInBulk(plan.round(), plan.rows()));
    }

    @Override
    public void values(UpdatePlan plan) {
        transaction.executeWithoutResult(status -> {
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                Long[] ids = new Long[chunk.size()];
                BigDecimal[] amounts = new BigDecimal[chunk.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = chunk.get(i).id();
                    amounts[i] = chunk.get(i).amount();
                }
                orders.updateAmountsFromArrays(ids, amounts);
            }
        });
    }

    private void writeAmounts(List<UpdatePlan.Change> chunk) {
        if (!chunk.isEmpty()) {
            jdbc.batchUpdate(UPDATE_AMOUNT, chunk, chunk.size(), (statement, change) -> {
                statement.setBigDecimal(1, change.amount());
                statement.setLong(2, change.id());
            });
        }
    }
}
