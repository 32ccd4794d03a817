package io.batchbench.workload;

/**
 * A strategy produced a result that differs from what the table holds. Thrown inside the
 * measured method, so JMH fails the benchmark and the launcher fails the run: a wrong result is
 * never published as a fast one.
 */
public class WrongResultException extends IllegalStateException {

    public WrongResultException(String message) {
        super(message);
    }
}
