package io.batchbench.framework.hibernate;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.hibernate.SessionFactory;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;

import io.batchbench.jpa.OrderAmount;
import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.Updating;

/**
 * Updates in one transaction each, with the API Hibernate offers for each shape of update:
 * <ul>
 * <li>{@code dirtyCheck}: the ORM way. Managed {@link OrderEntity}s are loaded a chunk at a time
 *     (HQL, id range, ordered), their amounts set, and {@code flush()} lets dirty checking write
 *     the changed ones as one JDBC batch ({@code hibernate.jdbc.batch_size}, {@code order_updates});
 *     {@code clear()} then empties the persistence context, so memory stays at one chunk.</li>
 * <li>{@code projection}: the same with managed {@link OrderAmount}s, an entity of the two
 *     columns the change needs, so the load reads and the flush writes only id and amount.</li>
 * <li>{@code batch}: nothing may be read, and Hibernate has no partial update of an unread
 *     {@link OrderEntity} (see {@link OrderAmount}); HQL and native mutation queries execute one
 *     by one, never in a JDBC batch. So a StatelessSession writes {@link OrderAmount}s, id and
 *     amount only, with {@code updateMultiple}, which sends a chunk as one JDBC batch of
 *     {@code update orders set amount=? where id=?}.</li>
 * <li>{@code bulk}: one HQL mutation query computing the amount, through a StatelessSession
 *     because there is nothing to manage. The divisor is a BigDecimal literal ({@code 100.0bd}) so
 *     the division is numeric in HQL's typing too.</li>
 * <li>{@code values}: HQL cannot join an UPDATE to a list of values, so a native mutation query
 *     joins the chunk bound as two arrays, as the JDBC reference does, once per chunk.</li>
 * </ul>
 */
final class HibernateUpdating implements Updating {

    private static final String LOAD_CHUNK = "from OrderEntity where id > :last and id <= :rows order by id";
    private static final String LOAD_AMOUNTS = "from OrderAmount where id > :last and id <= :rows order by id";
    private static final String UPDATE_BULK = "update OrderEntity set amount = mod(id * 7919 + :round, 1000000) / 100.0bd"
            + " where id <= :rows";
    private static final String UPDATE_FROM_ARRAYS = "UPDATE orders o SET amount = v.amount"
            + " FROM unnest(:ids, :amounts) AS v(id, amount) WHERE o.id = v.id";

    private final SessionFactory sessionFactory;

    HibernateUpdating(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void dirtyCheck(UpdatePlan plan) {
        loadChangeFlush(plan, LOAD_CHUNK, OrderEntity.class, OrderEntity::getId, OrderEntity::setAmount);
    }

    @Override
    public void projection(UpdatePlan plan) {
        loadChangeFlush(plan, LOAD_AMOUNTS, OrderAmount.class, OrderAmount::getId, OrderAmount::setAmount);
    }

    private <T> void loadChangeFlush(UpdatePlan plan, String hql, Class<T> entity, Function<T, Long> id,
                                     BiConsumer<T, BigDecimal> setAmount) {
        sessionFactory.inTransaction(session -> {
            SelectionQuery<T> load = session.createSelectionQuery(hql, entity)
                    .setParameter("rows", plan.rows())
                    .setMaxResults(Chunks.MAX_ROWS);
            long last = 0;
            List<T> chunk;
            do {
                chunk = load.setParameter("last", last).getResultList();
                for (T order : chunk) {
                    last = id.apply(order);
                    setAmount.accept(order, plan.amount(last));
                }
                session.flush();
                session.clear();
            } while (!chunk.isEmpty() && last < plan.rows());
        });
    }

    @Override
    public void batch(UpdatePlan plan) {
        sessionFactory.inStatelessTransaction(session -> {
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                session.updateMultiple(chunk.stream()
                        .map(change -> new OrderAmount(change.id(), change.amount()))
                        .toList());
            }
        });
    }

    @Override
    public void bulk(UpdatePlan plan) {
        sessionFactory.inStatelessTransaction(session -> session.createMutationQuery(UPDATE_BULK)
                .setParameter("round", plan.round())
                .setParameter("rows", plan.rows())
                .executeUpdate());
    }

    @Override
    public void values(UpdatePlan plan) {
        sessionFactory.inStatelessTransaction(session -> {
            MutationQuery update = session.createNativeMutationQuery(UPDATE_FROM_ARRAYS);
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                Long[] ids = new Long[chunk.size()];
                BigDecimal[] amounts = new BigDecimal[chunk.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = chunk.get(i).id();
                    amounts[i] = chunk.get(i).amount();
                }
                update.setParameter("ids", ids).setParameter("amounts", amounts).executeUpdate();
            }
        });
    }
}
