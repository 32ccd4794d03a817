package io.batchbench.workload.job;

import java.util.Locale;

import io.batchbench.workload.Params;

/** How the batch job walks the matching rows, by the name the {@code strategy} parameter uses. */
public enum JobStrategy {
    OFFSET,
    KEYSET,
    BULK;

    public void run(BatchJob job, int chunkSize, JobProgress progress) {
        switch (this) {
            case OFFSET -> job.offset(chunkSize, progress);
            case KEYSET -> job.keyset(chunkSize, progress);
            case BULK -> job.bulk(chunkSize, progress);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStrategy parse(String value) {
        return Params.choice("strategy", value, JobStrategy.class, JobStrategy::label);
    }
}
