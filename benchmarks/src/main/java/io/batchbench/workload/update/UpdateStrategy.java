package io.batchbench.workload.update;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/** How the rows get their new amounts, by the name the {@code strategy} parameter uses; the naive form first. */
public enum UpdateStrategy implements Labelled {
    DIRTY_CHECK("dirtyCheck"),
    PROJECTION("projection"),
    BATCH("batch"),
    BULK("bulk"),
    VALUES("values");

    private final String label;

    UpdateStrategy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static UpdateStrategy parse(String value) {
        return Params.choice("strategy", value, UpdateStrategy.class);
    }

    /**
     * Runs this strategy: the one place a strategy name turns into a call. A switch expression, so
     * a new constant does not compile until it names its call.
     */
    public void run(Updating updating, UpdatePlan plan) {
        Runnable call = switch (this) {
            case DIRTY_CHECK -> () -> updating.dirtyCheck(plan);
            case PROJECTION -> () -> updating.projection(plan);
            case BATCH -> () -> updating.batch(plan);
            case BULK -> () -> updating.bulk(plan);
            case VALUES -> () -> updating.values(plan);
        };
        call.run();
    }
}
