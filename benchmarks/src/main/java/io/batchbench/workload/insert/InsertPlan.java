package io.batchbench.workload.insert;

import java.util.ArrayList;
import java.util.List;

import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;

/**
 * The rows of one insert operation, cut into transactions of {@code commitEvery} rows and each
 * transaction into chunks of at most {@link Chunks#MAX_ROWS} rows (a JDBC batch, a
 * multi-row INSERT, a COPY, a flush). Cut once, outside the measured region, so every framework
 * writes exactly the same pieces.
 */
public final class InsertPlan {

    private final List<NewOrder> rows;
    private final List<List<List<NewOrder>>> transactions;

    public InsertPlan(List<NewOrder> rows, int commitEvery) {
        this.rows = List.copyOf(rows);
        this.transactions = new ArrayList<>();
        int chunkSize = Math.min(commitEvery, Chunks.MAX_ROWS);
        for (List<NewOrder> transaction : slices(this.rows, commitEvery)) {
            transactions.add(slices(transaction, chunkSize));
        }
    }

    public List<NewOrder> rows() {
        return rows;
    }

    /** Each transaction as its chunks, in order; every row is in exactly one chunk. */
    public List<List<List<NewOrder>>> transactions() {
        return transactions;
    }

    private static List<List<NewOrder>> slices(List<NewOrder> rows, int size) {
        List<List<NewOrder>> slices = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            slices.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return slices;
    }
}
