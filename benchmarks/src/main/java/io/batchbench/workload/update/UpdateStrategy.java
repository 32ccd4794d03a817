package io.batchbench.workload.update;

import java.util.function.BiConsumer;

import io.batchbench.workload.Params;

/** How the rows get their new amounts, by the name the {@code strategy} parameter uses. */
public enum UpdateStrategy {
    DIRTY_CHECK("dirtyCheck", Updating::dirtyCheck),
    PROJECTION("projection", Updating::projection),
    BATCH("batch", Updating::batch),
    BULK("bulk", Updating::bulk),
    VALUES("values", Updating::values);

    private final String label;
    private final BiConsumer<Updating, UpdatePlan> run;

    UpdateStrategy(String label, BiConsumer<Updating, UpdatePlan> run) {
        this.label = label;
        this.run = run;
    }

    public void run(Updating updating, UpdatePlan plan) {
        run.accept(updating, plan);
    }

    public String label() {
        return label;
    }

    public static UpdateStrategy parse(String value) {
        return Params.choice("strategy", value, UpdateStrategy.class, UpdateStrategy::label);
    }
}
