package io.batchbench.workload.insert;

/** A framework's limit on the inserts its idiom can run, checked before anything starts. */
@FunctionalInterface
public interface InsertLimit {

    InsertLimit NONE = (strategy, commitEvery, rows) -> {
    };

    /**
     * Throws IllegalArgumentException, saying what to choose instead, when the framework cannot
     * insert {@code rows} rows with {@code strategy}, committing every {@code commitEvery} rows.
     */
    void check(InsertStrategy strategy, int commitEvery, long rows);
}
