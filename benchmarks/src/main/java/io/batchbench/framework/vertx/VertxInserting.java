package io.batchbench.framework.vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;

/**
 * Inserts on the Vert.x PostgreSQL client, the JDBC reference's statements with numbered
 * parameters: each transaction of the plan a {@code pool.withTransaction} (BEGIN, its chunks,
 * COMMIT, rolled back if any stage fails), the next started on its commit. {@code row} executes
 * the INSERT once per row, each after the previous one's answer; {@code batch} sends a chunk with
 * {@code executeBatch(tuples)}, pipelined in one round trip; {@code multirow} is the reference's
 * {@code unnest} of five array parameters per chunk. Ids come from the column default.
 */
final class VertxInserting implements ReactiveInserting {

    /** The client speaks the protocol, not COPY: it has no API for COPY FROM STDIN. */
    static final ReactiveInsertSupport SUPPORT = strategy -> strategy == InsertStrategy.COPY
            ? Optional.of("the Vert.x PostgreSQL client has no COPY FROM STDIN API") : Optional.empty();

    private static final String COLUMNS = "INSERT INTO orders (customer_id, status, amount, created_at, note) ";
    private static final String INSERT = COLUMNS + "VALUES ($1, $2, $3, $4, $5)";
    // created_at as ISO-8601 text, as the reference sends it.
    private static final String INSERT_UNNEST = COLUMNS
            + "SELECT * FROM unnest($1::int4[], $2::varchar[], $3::numeric[], $4::text[]::timestamptz[], $5::text[])";

    private final Pool pool;

    VertxInserting(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Void> row(InsertPlan plan) {
        return transactions(plan, (connection, chunk) -> {
            Future<Void> rows = Future.succeededFuture();
            for (NewOrder order : chunk) {
                rows = rows.compose(previous -> connection.preparedQuery(INSERT).execute(tuple(order)).mapEmpty());
            }
            return rows;
        });
    }

    @Override
    public CompletionStage<Void> batch(InsertPlan plan) {
        return transactions(plan, (connection, chunk) -> {
            List<Tuple> tuples = new ArrayList<>(chunk.size());
            for (NewOrder order : chunk) {
                tuples.add(tuple(order));
            }
            return connection.preparedQuery(INSERT).executeBatch(tuples).mapEmpty();
        });
    }

    @Override
    public CompletionStage<Void> multirow(InsertPlan plan) {
        return transactions(plan, (connection, chunk) -> {
            int n = chunk.size();
            Integer[] customers = new Integer[n];
            String[] statuses = new String[n];
            Numeric[] amounts = new Numeric[n];
            String[] createdAt = new String[n];
            String[] notes = new String[n];
            for (int i = 0; i < n; i++) {
                NewOrder order = chunk.get(i);
                customers[i] = order.customerId();
                statuses[i] = order.status();
                amounts[i] = Numeric.create(order.amount());
                createdAt[i] = order.createdAt().toString();
                notes[i] = order.note();
            }
            return connection.preparedQuery(INSERT_UNNEST)
                    .execute(Tuple.of(customers, statuses, amounts, createdAt, notes)).mapEmpty();
        });
    }

    @Override
    public CompletionStage<Void> copy(InsertPlan plan) {
        return SUPPORT.refuse(InsertStrategy.COPY);
    }

    // Each transaction of the plan in turn, each chunk of it in turn.
    private CompletionStage<Void> transactions(InsertPlan plan,
                                               BiFunction<SqlConnection, List<NewOrder>, Future<Void>> chunkWriter) {
        Future<Void> done = Future.succeededFuture();
        for (List<List<NewOrder>> transaction : plan.transactions()) {
            done = done.compose(previous -> pool.withTransaction(connection -> {
                Future<Void> chunks = Future.succeededFuture();
                for (List<NewOrder> chunk : transaction) {
                    chunks = chunks.compose(written -> chunkWriter.apply(connection, chunk));
                }
                return chunks;
            }));
        }
        return done.toCompletionStage();
    }

    private static Tuple tuple(NewOrder order) {
        return Tuple.of(order.customerId(), order.status(), order.amount(), order.createdAt(), order.note());
    }
}
