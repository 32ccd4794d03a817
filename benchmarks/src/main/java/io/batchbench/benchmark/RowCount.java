package io.batchbench.benchmark;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rows handled, reported by JMH next to the primary score as a secondary result ({@code :rows}):
 * in average-time mode it is time per row (µs/row), in throughput mode rows per second. This
 * makes runs with different table and page sizes comparable.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RowCount {

    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
        rows = 0;
    }
}
