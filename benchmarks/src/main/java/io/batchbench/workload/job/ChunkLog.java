package io.batchbench.workload.job;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import io.batchbench.workload.WrongResultException;

/**
 * What the units of a concurrent job committed, chunk by chunk, from every thread at once: the
 * rows and the sum of their ids (checked at the end against the rows that matched: a skipped or
 * repeated row changes at least one of them), and each chunk's time from its first statement to
 * its acknowledged commit, handed to {@code latency}.
 */
public final class ChunkLog {

    private final String job;
    private final LongConsumer latency;
    private final LongAdder rows = new LongAdder();
    private final LongAdder idSum = new LongAdder();
    private volatile boolean stopped;

    public ChunkLog(String job, LongConsumer latency) {
        this.job = job;
        this.latency = latency;
    }

    /** A chunk committed: its ids, and {@link System#nanoTime()} when it began. */
    public void committed(long[] ids, long startNanos) {
        latency.accept(System.nanoTime() - startNanos);
        rows.add(ids.length);
        long sum = 0;
        for (long id : ids) {
            sum += id;
        }
        idSum.add(sum);
    }

    /**
     * Whether the unit should stop before its next chunk: another unit failed, and the runner
     * interrupted this one's thread or, on a non-blocking stack, called {@link #stop()}.
     */
    public boolean stopRequested() {
        return stopped || Thread.currentThread().isInterrupted();
    }

    /** Asks every unit to stop before its next chunk. */
    public void stop() {
        stopped = true;
    }

    public long rows() {
        return rows.sum();
    }

    /** Throws unless exactly the expected rows were committed; returns their count. */
    public long verify(long expectedRows, long expectedIdSum) {
        if (rows.sum() != expectedRows || idSum.sum() != expectedIdSum) {
            throw new WrongResultException(job + " committed " + rows.sum() + " rows (id sum " + idSum.sum() + "); "
                    + expectedRows + " rows matched (id sum " + expectedIdSum + "): rows were skipped or repeated");
        }
        return rows.sum();
    }
}
