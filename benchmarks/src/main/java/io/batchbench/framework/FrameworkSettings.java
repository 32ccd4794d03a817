package io.batchbench.framework;

/**
 * What a framework is configured with for a trial.
 *
 * @param cursorFetchSize rows per round trip when streaming from a server-side cursor; only the
 *                        streaming query gets it, because a fetch size on a LIMIT query makes
 *                        pgjdbc ask the server once more for rows that do not exist
 */
public record FrameworkSettings(int cursorFetchSize) {

    /**
     * The most rows one JDBC batch, multi-row INSERT, COPY or ORM flush carries in the write
     * workloads: large enough that per-batch costs vanish, small enough that an ORM's persistence
     * context stays bounded.
     */
    public static final int BATCH_SIZE = 1000;

    public FrameworkSettings {
        if (cursorFetchSize <= 0) {
            throw new IllegalArgumentException("cursorFetchSize must be at least 1, got " + cursorFetchSize);
        }
    }
}
