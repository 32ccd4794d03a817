package io.batchbench.workload.insert;

import java.util.concurrent.CompletionStage;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/** How rows get to the server, by the name the {@code strategy} parameter uses; the naive form first. */
public enum InsertStrategy implements Labelled {
    /** One INSERT and one round trip per row. */
    ROW("row"),
    /** One INSERT per row, sent as JDBC batches of up to a chunk. */
    BATCH("batch"),
    /** One multi-row INSERT per chunk. */
    MULTIROW("multirow"),
    /** One COPY FROM STDIN per transaction, streamed chunk by chunk, on the framework's own connection. */
    COPY("copy");

    private final String label;

    InsertStrategy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static InsertStrategy parse(String value) {
        return Params.choice("strategy", value, InsertStrategy.class);
    }

    /**
     * Runs this strategy: the one place a strategy name turns into a call. A switch expression, so
     * a new constant does not compile until it names its call.
     */
    public void run(Inserting inserting, InsertPlan plan) {
        Runnable call = switch (this) {
            case ROW -> () -> inserting.row(plan);
            case BATCH -> () -> inserting.batch(plan);
            case MULTIROW -> () -> inserting.multirow(plan);
            case COPY -> () -> inserting.copy(plan);
        };
        call.run();
    }

    /** Runs this strategy on a non-blocking stack; the stage completes when the plan has committed. */
    public CompletionStage<Void> run(ReactiveInserting inserting, InsertPlan plan) {
        return switch (this) {
            case ROW -> inserting.row(plan);
            case BATCH -> inserting.batch(plan);
            case MULTIROW -> inserting.multirow(plan);
            case COPY -> inserting.copy(plan);
        };
    }
}
