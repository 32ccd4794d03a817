package io.batchbench.workload.insert;

import java.util.Locale;
import java.util.function.BiConsumer;

import io.batchbench.workload.Params;

/** How rows get to the server, by the name the {@code strategy} parameter uses. */
public enum InsertStrategy {
    /** One INSERT and one round trip per row. */
    ROW(Inserting::row),
    /** One INSERT per row, sent as JDBC batches of up to a chunk. */
    BATCH(Inserting::batch),
    /** One multi-row INSERT per chunk. */
    MULTIROW(Inserting::multirow),
    /** One COPY FROM STDIN per transaction, streamed chunk by chunk, on the framework's own connection. */
    COPY(Inserting::copy);

    private final BiConsumer<Inserting, InsertPlan> run;

    InsertStrategy(BiConsumer<Inserting, InsertPlan> run) {
        this.run = run;
    }

    public void run(Inserting inserting, InsertPlan plan) {
        run.accept(inserting, plan);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InsertStrategy parse(String value) {
        return Params.choice("strategy", value, InsertStrategy.class, InsertStrategy::label);
    }
}
