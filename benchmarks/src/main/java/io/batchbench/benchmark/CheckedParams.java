package io.batchbench.benchmark;

/**
 * A benchmark whose parameter values can be checked without a database. The launcher sets the
 * {@code @Param} fields of a fresh instance to every combination the command line selects and
 * calls {@link #checkParams()} before anything starts; the benchmark's own setup calls it too, so
 * the rules live in one place.
 */
public interface CheckedParams {

    /** Throws IllegalArgumentException with one line saying what is wrong and what is valid. */
    void checkParams();
}
