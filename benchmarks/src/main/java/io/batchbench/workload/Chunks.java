package io.batchbench.workload;

/** How the write workloads cut their rows: the same pieces for every framework. */
public final class Chunks {

    /**
     * The most rows one JDBC batch, multi-row INSERT, COPY chunk or ORM flush carries: large
     * enough that per-batch costs vanish, small enough that an ORM's persistence context stays
     * bounded.
     */
    public static final int MAX_ROWS = 1000;

    private Chunks() {
    }
}
