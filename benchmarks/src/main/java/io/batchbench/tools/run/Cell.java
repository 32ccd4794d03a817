package io.batchbench.tools.run;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One measured cell: its key, JMH mode, primary metric, secondary metrics by name (the
 * {@code rows} counter, {@code gc.alloc.rate.norm}, ...), when the run was audited the statement
 * and round-trip counts, and its measurement settings as text (warm-up, measurement, threads;
 * empty when unknown), which compare shows when two runs differ in them.
 */
public record Cell(CellKey key, String mode, Metric primary, SortedMap<String, Metric> secondary,
                   Optional<Audit> audit, String settings) {

    /** The {@code @AuxCounters} metric that reports time (or throughput) per row. */
    public static final String ROWS = "rows";
    /** {@code -prof gc}'s allocation per operation. */
    public static final String ALLOCATION = "gc.alloc.rate.norm";
    /** The work metrics the benchmarks measure themselves (client CPU and server CPU in µs/op, WAL in B/op). */
    public static final String CLIENT_CPU = "cpu.client";
    public static final String SERVER_CPU = "cpu.server";
    public static final String WAL_BYTES = "wal.bytes";
    /** The measures of work done, quieter than time, which compare shows and the gate tests besides time. */
    public static final java.util.List<String> WORK = java.util.List.of(ALLOCATION, CLIENT_CPU, SERVER_CPU, WAL_BYTES);

    /** Not work: the share of the machine's CPU time, in %, that the host gave to other guests while the cell measured. */
    public static final String HOST_STEAL = "host.steal";

    /** What the trial's network path added to a round trip, in ms, measured as the trial opened (0 when direct). */
    public static final String RTT_MEASURED = "rtt.measured";
    /** The parameter that sets the round-trip time a benchmark's connections see, in ms. */
    public static final String RTT = "rtt";

    public Cell {
        secondary = new TreeMap<>(secondary);
    }

    public static Cell of(CellKey key, String mode, Metric primary, Map<String, Metric> secondary, Audit audit) {
        return of(key, mode, primary, secondary, audit, "");
    }

    public static Cell of(CellKey key, String mode, Metric primary, Map<String, Metric> secondary, Audit audit,
                          String settings) {
        return new Cell(key, mode, primary, new TreeMap<>(secondary), Optional.ofNullable(audit), settings);
    }

    public Direction direction() {
        return Direction.of(mode, primary.unit());
    }

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(secondary.get(name));
    }
}
