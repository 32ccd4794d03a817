package io.batchbench.workload.insert;

/**
 * Inserting new orders in one framework's idiom. Every method writes all of the plan's rows,
 * in the plan's transactions, committing each; ids come from {@code orders_id_seq}, through the
 * column default or the framework's own generator.
 */
public interface Inserting {

    /** One INSERT statement executed per row. */
    void row(InsertPlan plan);

    /** One INSERT per row, sent in JDBC batches of one chunk. */
    void batch(InsertPlan plan);

    /** One statement per chunk that inserts all its rows (a VALUES list, arrays, or the driver's batch rewrite). */
    void multirow(InsertPlan plan);

    /** One {@code COPY orders (...) FROM STDIN} per transaction, streamed chunk by chunk ({@link CopyRows}), on the framework's connection. */
    void copy(InsertPlan plan);
}
