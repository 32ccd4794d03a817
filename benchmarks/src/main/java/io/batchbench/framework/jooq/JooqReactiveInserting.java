package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Inserts with jOOQ over R2DBC. The blocking cells use the Loader, which blocks; here each
 * transaction of the plan is a {@code ctx.transactionPublisher}, the next subscribed on its
 * commit, and the Loader's three throttles are written as the statements it sends: {@code row} an
 * {@code insertInto(ORDERS, …).values(…)} per row, each after the previous one's answer;
 * {@code batch} a {@code batch(insertInto(…).values(null, …)).bind(…)} per chunk, which
 * r2dbc-postgresql executes one binding at a time, a round trip each (the job's UPDATE batches do
 * the same); {@code multirow} one {@code insertInto(…).values(…).values(…)…} per chunk, the
 * Loader's {@code bulkAfter} statement. Ids come from the column default, unfetched.
 *
 * <p>No {@code copy}: jOOQ has no COPY. The blocking cell lends its transaction's JDBC connection
 * to pgjdbc's CopyManager; here the connection {@code tx.connectionFactory().create()} lends is
 * jOOQ's non-closing wrapper, which does not unwrap to the r2dbc-postgresql connection whose
 * {@code copyIn} would be the equivalent.
 */
final class JooqReactiveInserting implements ReactiveInserting {

    static final ReactiveInsertSupport SUPPORT = strategy -> strategy == InsertStrategy.COPY
            ? Optional.of("jOOQ has no COPY, and the R2DBC connection its transactionPublisher lends does not unwrap to"
                    + " r2dbc-postgresql's, whose copyIn is the driver's COPY: a COPY would have to leave jOOQ's transaction")
            : Optional.empty();

    private final DSLContext ctx;

    JooqReactiveInserting(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletionStage<Void> row(InsertPlan plan) {
        return transactions(plan, (tx, chunk) -> Flux.fromIterable(chunk)
                .concatMap(order -> insert(tx).values(order.customerId(), order.status(), order.amount(),
                        order.createdAt(), order.note()))
                .then());
    }

    @Override
    public CompletionStage<Void> batch(InsertPlan plan) {
        return transactions(plan, (tx, chunk) -> {
            BatchBindStep batch = tx.batch(insert(tx).values((Integer) null, (String) null, (BigDecimal) null,
                    (OffsetDateTime) null, (String) null));
            for (NewOrder order : chunk) {
                batch = batch.bind(order.customerId(), order.status(), order.amount(), order.createdAt(), order.note());
            }
            return Flux.from(batch).then();
        });
    }

    @Override
    public CompletionStage<Void> multirow(InsertPlan plan) {
        return transactions(plan, (tx, chunk) -> {
            InsertValuesStep5<OrdersRecord, Integer, String, BigDecimal, OffsetDateTime, String> insert = insert(tx);
            for (NewOrder order : chunk) {
                insert = insert.values(order.customerId(), order.status(), order.amount(), order.createdAt(),
                        order.note());
            }
            return Mono.from(insert).then();
        });
    }

    @Override
    public CompletionStage<Void> copy(InsertPlan plan) {
        return SUPPORT.refuse(InsertStrategy.COPY);
    }

    private static InsertValuesStep5<OrdersRecord, Integer, String, BigDecimal, OffsetDateTime, String> insert(
            DSLContext tx) {
        return tx.insertInto(ORDERS, ORDERS.CUSTOMER_ID, ORDERS.STATUS, ORDERS.AMOUNT, ORDERS.CREATED_AT, ORDERS.NOTE);
    }

    // Each transaction of the plan in turn, each chunk of it in turn.
    private CompletionStage<Void> transactions(InsertPlan plan, BiFunction<DSLContext, List<NewOrder>, Mono<Void>> chunk) {
        Mono<Void> done = Mono.empty();
        for (List<List<NewOrder>> transaction : plan.transactions()) {
            done = done.then(Mono.from(ctx.transactionPublisher(tx -> Flux.fromIterable(transaction)
                    .concatMap(rows -> chunk.apply(tx.dsl(), rows))
                    .then())));
        }
        return done.toFuture();
    }
}
