package io.batchbench.workload.update;

/**
 * Giving the orders with ids 1..{@link UpdatePlan#rows()} their new amounts
 * ({@link UpdatePlan#amount(long)}) in one framework's idiom, in one transaction. Every method
 * leaves the table in the same state; chunks are {@link UpdatePlan#chunks()}.
 */
public interface Updating {

    /** Loads the rows as the framework's objects, chunk by chunk, sets the amounts and lets the framework write them. */
    void dirtyCheck(UpdatePlan plan);

    /**
     * As {@code dirtyCheck}, but loads only the columns the change needs (id and amount) in the
     * framework's projection type, and writes only the amount: what the tutorials advise.
     */
    void projection(UpdatePlan plan);

    /** {@code UPDATE orders SET amount = ? WHERE id = ?} per row, in JDBC batches of one chunk; nothing is read. */
    void batch(UpdatePlan plan);

    /** One set-based UPDATE computing the amount in SQL ({@link UpdatePlan#AMOUNT_SQL}) for {@code id <= rows}. */
    void bulk(UpdatePlan plan);

    /** One UPDATE per chunk that joins the chunk's (id, amount) pairs: a VALUES list or unnest arrays. */
    void values(UpdatePlan plan);
}
