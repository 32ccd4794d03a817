package io.batchbench.workload.concurrent;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/**
 * What runs a concurrent operation's units, by the name the {@code executor} parameter uses: the
 * blocking form on platform threads first (what a batch job has done for decades), then on
 * virtual threads, then each framework's non-blocking stack.
 */
public enum ExecutorKind implements Labelled {
    /** A fixed pool of {@code workers} platform threads, each unit blocking on its JDBC connection. */
    PLATFORM("platform"),
    /** A new virtual thread per unit, at most {@code workers} at once, blocking on JDBC as on a platform thread. */
    VIRTUAL("virtual"),
    /**
     * The framework's non-blocking stack: each unit a stage that completes when its work is done,
     * at most {@code workers} in flight ({@link StageRunner}), no thread waiting on the server.
     */
    REACTIVE("reactive");

    private final String label;

    ExecutorKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether the units' connections are opened by a pool that opens and checks them as units ask
     * (r2dbc-pool, Vert.x's, Hibernate Reactive's): their setup and validation queries then fall in
     * the audited operation a varying number of times, where a Hikari pool has opened its
     * connections before. Measured: jOOQ's reactive cells counted 1–2 statements more or fewer
     * from run to run.
     */
    public boolean opensConnectionsOnDemand() {
        return this == REACTIVE;
    }

    public static ExecutorKind parse(String value) {
        return Params.choice("executor", value, ExecutorKind.class);
    }
}
