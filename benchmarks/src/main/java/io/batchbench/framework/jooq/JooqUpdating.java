package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.Updating;

/**
 * Updates in jOOQ's idiom, each in one {@code ctx.transaction}. {@code dirtyCheck} fetches each chunk as
 * {@link OrdersRecord}s ({@code seek()} after the last id), sets the amounts and writes the records jOOQ
 * marked changed with {@code batchUpdate} (one JDBC batch of {@code UPDATE ... SET amount = ? WHERE id = ?}
 * per chunk). {@code batch} binds one {@code update(ORDERS)} query per row into {@code ctx.batch(query)},
 * executed per chunk. {@code bulk} is one {@code update(ORDERS)} with the amount as a jOOQ expression,
 * {@code values} one {@code update(ORDERS) ... from(values(row(id, amount), ...))} per chunk: the VALUES
 * derived table is what jOOQ's DSL offers for this (it has no multi-array {@code unnest}).
 */
final class JooqUpdating implements Updating {

    private final DSLContext ctx;

    JooqUpdating(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void dirtyCheck(UpdatePlan plan) {
        loadChangeStore(plan, (dsl, last) -> dsl.selectFrom(ORDERS)
                .where(ORDERS.ID.le(plan.rows())).orderBy(ORDERS.ID).seek(last).limit(Chunks.MAX_ROWS)
                .fetch());
    }

    /** Records holding only ID and AMOUNT; {@code batchUpdate} writes the fields that changed, so only the amount. */
    @Override
    public void projection(UpdatePlan plan) {
        loadChangeStore(plan, (dsl, last) -> dsl.select(ORDERS.ID, ORDERS.AMOUNT).from(ORDERS)
                .where(ORDERS.ID.le(plan.rows())).orderBy(ORDERS.ID).seek(last).limit(Chunks.MAX_ROWS)
                .fetchInto(ORDERS));
    }

    private void loadChangeStore(UpdatePlan plan, BiFunction<DSLContext, Long, Result<OrdersRecord>> chunkAfter) {
        ctx.transaction(tx -> {
            long last = 0;
            while (last < plan.rows()) {
                Result<OrdersRecord> chunk = chunkAfter.apply(tx.dsl(), last);
                if (chunk.isEmpty()) {
                    return;
                }
                for (OrdersRecord order : chunk) {
                    order.setAmount(plan.amount(order.getId()));
                }
                tx.dsl().batchUpdate(chunk).execute();
                last = chunk.getLast().getId();
            }
        });
    }

    @Override
    public void batch(UpdatePlan plan) {
        ctx.transaction(tx -> {
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                BatchBindStep batch = tx.dsl().batch(tx.dsl().update(ORDERS)
                        .set(ORDERS.AMOUNT, (BigDecimal) null)
                        .where(ORDERS.ID.eq((Long) null)));
                for (UpdatePlan.Change change : chunk) {
                    batch = batch.bind(change.amount(), change.id());
                }
                batch.execute();
            }
        });
    }

    @Override
    public void bulk(UpdatePlan plan) {
        ctx.transaction(tx -> tx.dsl().update(ORDERS)
                .set(ORDERS.AMOUNT, amount(plan.round()))
                .where(ORDERS.ID.le(plan.rows()))
                .execute());
    }

    @Override
    public void values(UpdatePlan plan) {
        ctx.transaction(tx -> {
            for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                Table<Record2<Long, BigDecimal>> v = DSL.values(rows(chunk)).as("v", "id", "amount");
                tx.dsl().update(ORDERS)
                        .set(ORDERS.AMOUNT, v.field("amount", BigDecimal.class))
                        .from(v)
                        .where(ORDERS.ID.eq(v.field("id", Long.class)))
                        .execute();
            }
        });
    }

    /**
     * {@link UpdatePlan#AMOUNT_SQL} as a jOOQ expression. The cast keeps the division numeric: dividing the
     * BIGINT field by a number would bind the divisor as a BIGINT too and divide as integers.
     */
    static Field<BigDecimal> amount(int round) {
        return ORDERS.ID.mul(inline(7919L)).plus(val((long) round)).mod(inline(1_000_000L))
                .cast(SQLDataType.NUMERIC)
                .div(inline(100));
    }

    @SuppressWarnings("unchecked")
    private static Row2<Long, BigDecimal>[] rows(List<UpdatePlan.Change> chunk) {
        return chunk.stream().map(change -> row(change.id(), change.amount())).toArray(Row2[]::new);
    }
}
