package io.batchbench.tools.run;

/**
 * Input the tools cannot use: a missing, empty or malformed file, a score that is not a number,
 * results without per-fork data, two runs with nothing in common. The tools print the message
 * alone and exit with 2, because a stack trace would hide what the user has to change.
 */
public final class UnusableInputException extends RuntimeException {

    public UnusableInputException(String message) {
        super(message);
    }
}
