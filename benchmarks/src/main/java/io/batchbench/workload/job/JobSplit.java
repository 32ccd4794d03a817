package io.batchbench.workload.job;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/**
 * How the concurrent job divides the matching rows among its units, by the name the {@code split}
 * parameter uses: disjoint id ranges that need no lock, chunks claimed from the shared table, or
 * set-based chunk UPDATEs that claim as they write.
 */
public enum JobSplit implements Labelled {
    RANGE("range"),
    SKIP_LOCKED("skipLocked"),
    BULK("bulk");

    private final String label;

    JobSplit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static JobSplit parse(String value) {
        return Params.choice("split", value, JobSplit.class);
    }

    /**
     * Whether {@code workers} units of this split take chunks from one shared queue, so that which
     * unit claims which chunk, and how many claims come back empty at the end, change from run to
     * run: the wire counts of one operation then vary too. {@code range} gives each unit its own.
     */
    public boolean racesForChunks(int workers) {
        return workers > 1 && this != RANGE;
    }

    /**
     * The job's units for {@code workers} concurrent workers: the one place a split's name turns
     * into calls. {@code range} asks for the matching range first (a query inside the operation, as
     * a partitioner makes it) and cuts it into one range per worker; the others start one claiming
     * unit per worker.
     */
    public List<Runnable> units(ConcurrentJob job, int workers, int chunkSize, ChunkLog log) {
        return switch (this) {
            case RANGE -> job.matchingRange().split(workers).stream()
                    .<Runnable>map(range -> () -> job.range(range, chunkSize, log))
                    .toList();
            case SKIP_LOCKED -> Collections.nCopies(workers, () -> job.skipLocked(chunkSize, log));
            case BULK -> Collections.nCopies(workers, () -> job.bulk(chunkSize, log));
        };
    }

    /**
     * The same units on a non-blocking stack, each started by its supplier. {@code range} waits for
     * the matching range first (on the calling thread, which has nothing else to do).
     */
    public List<Supplier<CompletionStage<Void>>> units(ReactiveJob job, int workers, int chunkSize, ChunkLog log) {
        return switch (this) {
            case RANGE -> job.matchingRange().toCompletableFuture().join().split(workers).stream()
                    .<Supplier<CompletionStage<Void>>>map(range -> () -> job.range(range, chunkSize, log))
                    .toList();
            case SKIP_LOCKED -> Collections.nCopies(workers, () -> job.skipLocked(chunkSize, log));
            case BULK -> Collections.nCopies(workers, () -> job.bulk(chunkSize, log));
        };
    }
}
