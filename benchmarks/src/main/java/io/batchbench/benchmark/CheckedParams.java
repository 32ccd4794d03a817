package io.batchbench.benchmark;

import java.util.Optional;

import io.batchbench.trial.Trial;

/**
 * A benchmark whose parameter values can be checked without a database. The launcher sets the
 * {@code @Param} fields of a fresh instance to every combination the command line selects and
 * calls {@link #checkParams()} before anything starts; the benchmark's own setup calls it too, so
 * the rules live in one place.
 */
public interface CheckedParams {

    /** Throws IllegalArgumentException with one line saying what is wrong and what is valid. */
    void checkParams();

    /**
     * Why this combination is not a cell of the matrix, or empty: a framework without an idiom
     * for it (MyBatis has no non-blocking API). The launcher runs no such combination and records
     * why, so a report shows it as such; it is never a failure, nor another cell under this name.
     */
    default Optional<String> notApplicable() {
        return Optional.empty();
    }

    /**
     * The connections one trial of this combination holds at most: its pool and, while the audit
     * runs, the audit's pool of the same size, plus the clone's and the work meter's own. The
     * launcher refuses a run whose largest cell the server has no room for.
     */
    default int connections() {
        return connectionsFor(Trial.POOL_SIZE);
    }

    /** What {@link #connections()} is for a trial whose pool holds {@code poolSize} connections. */
    static int connectionsFor(int poolSize) {
        return 2 * poolSize + 2;
    }
}
