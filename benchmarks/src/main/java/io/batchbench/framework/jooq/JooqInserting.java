package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Loader;
import org.jooq.LoaderError;
import org.jooq.LoaderOptionsStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;
import io.batchbench.workload.insert.InsertLimit;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.Inserting;

/**
 * Inserts with jOOQ's Loader API ({@code ctx.loadInto(ORDERS)...loadArrays(...).fields(...).execute()}),
 * the manual's tool for loading many rows, whose three throttles map onto the plan: {@code row} is
 * {@code bulkNone().batchNone()} (one INSERT executed per row), {@code batch} is
 * {@code bulkNone().batchAfter(chunk)} (one JDBC batch of single-row INSERTs per chunk), {@code multirow}
 * is {@code bulkAfter(chunk).batchNone()} (one multi-row INSERT per chunk). {@code commitAfter(n)}
 * commits every n Loader batches of {@code bulkAfter × batchAfter} rows, and the Loader commits what is
 * left at the end, so the plan's transactions are {@code commitAfter(rowsPerTransaction / rowsPerBatch)},
 * or {@code commitAll()} when there is one. The Loader cannot start a new batch at a commit, so for
 * batch and multirow a {@code commitEvery} above {@link Chunks#MAX_ROWS} must be a multiple
 * of it (1, 100, 1000 and all are).
 *
 * <p>The Loader commits by calling {@code commit()} on a connection it acquires again from the
 * configuration: on this DataSource-backed context that would be another pooled connection in auto-commit.
 * So each load runs on one connection ({@code ctx.connection}) with auto-commit off, through a context
 * derived on it. Not inside {@code ctx.transaction}: the Loader's own commits would bypass jOOQ's
 * transaction, which expects {@code commitNone()}. The Loader does not throw: failures land in
 * {@code errors()}, which are rolled back and rethrown here.
 *
 * <p>The Loader renders plain {@code INSERT ... VALUES}: no {@code RETURNING} for the identity jOOQ now
 * sees on {@code orders.id} (a {@code nextval} default), so ids come from the column default unfetched,
 * as in the JDBC reference. {@code copy} is pgjdbc's CopyManager on the connection jOOQ lends inside
 * {@code ctx.transaction}, one transaction per plan transaction.
 */
final class JooqInserting implements Inserting {

    private static final Field<?>[] COLUMNS = {ORDERS.CUSTOMER_ID, ORDERS.STATUS, ORDERS.AMOUNT, ORDERS.CREATED_AT,
            ORDERS.NOTE};

    private final DSLContext ctx;

    JooqInserting(DSLContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void row(InsertPlan plan) {
        load(plan, 1, loader -> loader.bulkNone().batchNone());
    }

    @Override
    public void batch(InsertPlan plan) {
        int chunk = chunkSize(plan);
        load(plan, chunk, loader -> loader.bulkNone().batchAfter(chunk));
    }

    @Override
    public void multirow(InsertPlan plan) {
        int chunk = chunkSize(plan);
        load(plan, chunk, loader -> loader.bulkAfter(chunk).batchNone());
    }

    @Override
    public void copy(InsertPlan plan) {
        for (List<List<NewOrder>> transaction : plan.transactions()) {
            ctx.transaction(tx -> tx.dsl().connection(connection -> CopyRows.copy(connection, transaction)));
        }
    }

    private void load(InsertPlan plan, int rowsPerBatch,
                      UnaryOperator<LoaderOptionsStep<OrdersRecord>> throttle) {
        LoaderCommits commits = LoaderCommits.of(plan, rowsPerBatch);
        ctx.connection(connection -> {
            connection.setAutoCommit(false);
            try {
                DSLContext onConnection = ctx.configuration().derive(new DefaultConnectionProvider(connection)).dsl();
                Loader<OrdersRecord> loader = commits.apply(throttle.apply(onConnection.loadInto(ORDERS)))
                        .loadArrays(plan.rows().stream().map(JooqInserting::values))
                        .fields(COLUMNS)
                        .execute();
                if (!loader.errors().isEmpty()) {
                    LoaderError error = loader.errors().get(0);
                    throw new DataAccessException("The Loader stopped at row " + error.rowIndex() + ": "
                            + error.exception().getMessage(), error.exception());
                }
            } catch (Throwable e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private static int chunkSize(InsertPlan plan) {
        return plan.transactions().get(0).get(0).size();
    }

    private static Object[] values(NewOrder order) {
        return new Object[] {order.customerId(), order.status(), order.amount(), order.createdAt(), order.note()};
    }

    /** The Loader's commit option for a plan whose Loader batches hold {@code rowsPerBatch} rows. */
    private record LoaderCommits(int batchesPerCommit) {

        private static final int ALL = 0;

        static LoaderCommits of(InsertPlan plan, int rowsPerBatch) {
            List<List<List<NewOrder>>> transactions = plan.transactions();
            if (transactions.size() == 1) {
                return new LoaderCommits(ALL);
            }
            int rowsPerTransaction = transactions.get(0).stream().mapToInt(List::size).sum();
            requireWholeBatches(rowsPerTransaction, rowsPerBatch);
            return new LoaderCommits(rowsPerTransaction / rowsPerBatch);
        }

        LoaderOptionsStep<OrdersRecord> apply(LoaderOptionsStep<OrdersRecord> loader) {
            return batchesPerCommit == ALL ? loader.commitAll() : loader.commitAfter(batchesPerCommit);
        }
    }

    /** The plans the Loader cannot commit as asked: a transaction that ends inside one of its batches. */
    static final InsertLimit LOADER_LIMIT = (strategy, commitEvery, rows) -> {
        if (commitEvery >= rows) {
            return; // one transaction: commitAll()
        }
        switch (strategy) {
            case BATCH, MULTIROW -> requireWholeBatches(commitEvery, Math.min(commitEvery, Chunks.MAX_ROWS));
            case ROW, COPY -> {
                // row loads batches of one row; copy does not use the Loader
            }
        }
    };

    private static void requireWholeBatches(int rowsPerTransaction, int rowsPerBatch) {
        if (rowsPerTransaction % rowsPerBatch != 0) {
            throw new IllegalArgumentException("jOOQ's Loader commits after whole batches of " + rowsPerBatch
                    + " rows, so it cannot commit every " + rowsPerTransaction + " rows: use a commitEvery of at most "
                    + Chunks.MAX_ROWS + ", a multiple of it, or all");
        }
    }
}
