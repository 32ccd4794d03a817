package io.batchbench.benchmark.concurrent;

import io.batchbench.benchmark.TrialResults;
import io.batchbench.workload.concurrent.Latencies;

/**
 * The secondary results of the concurrent family, handed to JMH at the end of each iteration:
 * the chunk (transaction) latency percentiles of the iteration's operations, and the most units
 * in flight at once, which is the most connections in use.
 */
final class ConcurrencyResults {

    static final String CHUNK_P50 = "chunk.p50";
    static final String CHUNK_P99 = "chunk.p99";
    static final String UNITS_PEAK = "units.peak";

    private ConcurrencyResults() {
    }

    static void report(Latencies latencies, int peakInFlight) {
        if (latencies.count() > 0) {
            TrialResults.perIteration(CHUNK_P50, latencies.percentileMillis(50), "ms");
            TrialResults.perIteration(CHUNK_P99, latencies.percentileMillis(99), "ms");
        }
        TrialResults.perIteration(UNITS_PEAK, peakInFlight, "units");
        latencies.clear();
    }
}
