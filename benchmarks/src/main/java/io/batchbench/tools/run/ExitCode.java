package io.batchbench.tools.run;

/** The result tools' exit codes, the contract a CI job reads. */
public final class ExitCode {

    /** Done; for check and ab: no regression. */
    public static final int PASS = 0;
    /** check and ab: a regression. */
    public static final int REGRESSION = 1;
    /** rounds: a round failed or the run was interrupted; the rounds that finished are kept. */
    public static final int INCOMPLETE = 1;
    /** Unusable input or a wrong command line, said in one line. */
    public static final int UNUSABLE = 2;

    private ExitCode() {
    }
}
