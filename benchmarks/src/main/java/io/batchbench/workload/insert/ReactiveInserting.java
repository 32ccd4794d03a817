package io.batchbench.workload.insert;

import java.util.concurrent.CompletionStage;

/**
 * Inserting new orders on a framework's non-blocking stack: the calls of {@link Inserting}, each a
 * stage that completes when the plan's last transaction has committed, the next transaction started
 * on the previous one's commit, with no thread blocked while the server works. The rows, the
 * transactions and the chunks are the plan's, as in the blocking cells, so the table ends the same.
 * A strategy the stack has no idiom for is no cell ({@link ReactiveInsertSupport}); its method
 * returns a failed stage saying so.
 */
public interface ReactiveInserting {

    /** See {@link Inserting#row}. */
    CompletionStage<Void> row(InsertPlan plan);

    /** See {@link Inserting#batch}. */
    CompletionStage<Void> batch(InsertPlan plan);

    /** See {@link Inserting#multirow}. */
    CompletionStage<Void> multirow(InsertPlan plan);

    /** See {@link Inserting#copy}. */
    CompletionStage<Void> copy(InsertPlan plan);
}
