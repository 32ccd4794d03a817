package io.batchbench.workload.job;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/** How the batch job walks the matching rows, by the name the {@code strategy} parameter uses; the naive form first. */
public enum JobStrategy implements Labelled {
    OFFSET("offset"),
    KEYSET("keyset"),
    BULK("bulk");

    private final String label;

    JobStrategy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static JobStrategy parse(String value) {
        return Params.choice("strategy", value, JobStrategy.class);
    }

    /**
     * Runs this strategy: the one place a strategy name turns into a call. A switch expression, so
     * a new constant does not compile until it names its call.
     */
    public void run(BatchJob job, int chunkSize, JobProgress progress) {
        Runnable call = switch (this) {
            case OFFSET -> () -> job.offset(chunkSize, progress);
            case KEYSET -> () -> job.keyset(chunkSize, progress);
            case BULK -> () -> job.bulk(chunkSize, progress);
        };
        call.run();
    }
}
