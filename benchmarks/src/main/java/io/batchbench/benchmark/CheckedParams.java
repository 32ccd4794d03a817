package io.batchbench.benchmark;

import java.util.Optional;

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
}
