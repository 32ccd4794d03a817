package io.batchbench.workload.job;

/**
 * The tutorials' read-modify-commit loop: every order with status {@code NEW} is processed
 * (set to {@code PAID}, so it no longer matches), oldest id first, committing per chunk of
 * {@code chunkSize} rows, until none is left. Each method reports what it processed to the
 * {@link JobProgress}.
 */
public interface BatchJob {

    String MATCHING = "NEW";
    String PROCESSED = "PAID";

    /**
     * Reads each chunk as the framework's objects with {@code WHERE status = 'NEW' ORDER BY id
     * LIMIT chunkSize OFFSET n}, where n is the number of rows read so far that still match. Every
     * row read here is processed and stops matching, so n stays 0: advancing n by the chunk size, as
     * the tutorials do, skips a chunk of unprocessed rows for every chunk processed.
     */
    void offset(int chunkSize, JobProgress progress);

    /** Reads each chunk with {@code WHERE status = 'NEW' AND id > last ORDER BY id LIMIT chunkSize}. */
    void keyset(int chunkSize, JobProgress progress);

    /**
     * No rows loaded: one set-based {@code UPDATE ... WHERE id IN (SELECT id ... WHERE status = 'NEW'
     * ORDER BY id LIMIT chunkSize)} per chunk, until one updates nothing.
     */
    void bulk(int chunkSize, JobProgress progress);
}
