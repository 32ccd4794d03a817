package io.batchbench.workload.concurrent;

import java.util.Arrays;

/**
 * How long each chunk of a concurrent operation took, from its first statement to its commit
 * acknowledged, recorded by every unit at once. Read after the units ended; the percentiles are
 * the nearest-rank ones of all chunks recorded since the last {@link #clear()}.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void record(long chunkNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = chunkNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The {@code percent} percentile in milliseconds (nearest rank); NaN when nothing was recorded. */
    public synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    public synchronized void clear() {
        count = 0;
    }
}
