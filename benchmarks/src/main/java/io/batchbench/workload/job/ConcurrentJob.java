package io.batchbench.workload.job;

/**
 * The batch job done by several concurrent units, in one framework's idiom: every {@code NEW}
 * order set to {@code PAID} exactly once, one transaction per chunk, each chunk's ids written to
 * {@link ProcessedIds} in the chunk's own transaction and reported to the {@link ChunkLog} after
 * its commit. Every method is one unit: it may run on any thread, next to other units of the same
 * job, on a connection of its own; between chunks it stops when {@link ChunkLog#stopRequested()}.
 */
public interface ConcurrentJob {

    /** The smallest and largest id of the matching rows (one query), which the range split cuts into units. */
    IdRange matchingRange();

    /**
     * The matching rows with an id in {@code range}, in keyset chunks ({@code status = 'NEW' AND id > last
     * AND id <= range.to() ORDER BY id LIMIT chunkSize}), loaded, processed and committed per chunk. No
     * lock is needed: no other unit reads this range.
     */
    void range(IdRange range, int chunkSize, ChunkLog log);

    /**
     * Claims chunks from the shared table with {@code SELECT ... WHERE status = 'NEW' ORDER BY id LIMIT
     * chunkSize FOR UPDATE SKIP LOCKED} (the queue idiom: rows another unit holds are passed over, never
     * waited for), processes and commits each, until a claim returns no row.
     */
    void skipLocked(int chunkSize, ChunkLog log);

    /**
     * Loads nothing: one {@code UPDATE ... WHERE id IN (SELECT id ... ORDER BY id LIMIT chunkSize FOR
     * UPDATE SKIP LOCKED) RETURNING id} per chunk, until one updates no row. Without {@code SKIP LOCKED}
     * a second unit would wait for the first one's rows and then find them no longer matching.
     */
    void bulk(int chunkSize, ChunkLog log);
}
