package io.batchbench.framework;

/**
 * What a framework is configured with for a trial.
 *
 * @param cursorFetchSize rows per round trip when streaming from a server-side cursor; only the
 *                        streaming query gets it, because a fetch size on a LIMIT query makes
 *                        pgjdbc ask the server once more for rows that do not exist
 */
public record FrameworkSettings(int cursorFetchSize) {

    public FrameworkSettings {
        if (cursorFetchSize <= 0) {
            throw new IllegalArgumentException("cursorFetchSize must be at least 1, got " + cursorFetchSize);
        }
    }
}
