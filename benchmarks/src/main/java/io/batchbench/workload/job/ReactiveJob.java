package io.batchbench.workload.job;

import java.util.concurrent.CompletionStage;

/**
 * The concurrent job on a framework's non-blocking stack: the same units as {@link ConcurrentJob},
 * each a stage that completes when the unit has committed its last chunk, sending the same
 * statements, with no thread blocked while the server works. A unit checks
 * {@link ChunkLog#stopRequested()} before each chunk.
 */
public interface ReactiveJob {

    /** See {@link ConcurrentJob#matchingRange()}. */
    CompletionStage<IdRange> matchingRange();

    /** See {@link ConcurrentJob#range}. */
    CompletionStage<Void> range(IdRange range, int chunkSize, ChunkLog log);

    /** See {@link ConcurrentJob#skipLocked}. */
    CompletionStage<Void> skipLocked(int chunkSize, ChunkLog log);

    /** See {@link ConcurrentJob#bulk}. */
    CompletionStage<Void> bulk(int chunkSize, ChunkLog log);
}
