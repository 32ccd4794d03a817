package io.batchbench.tools;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.batchbench.tools.ab.AbCommand;
import io.batchbench.tools.compare.CompareCommand;
import io.batchbench.tools.gate.CheckCommand;
import io.batchbench.tools.merge.MergeCommand;
import io.batchbench.tools.report.ReportCommand;
import io.batchbench.tools.rounds.RoundsCommand;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.UnusableInputException;

/**
 * The result tools, from the same jar as the benchmarks:
 * {@code java -cp benchmarks.jar io.batchbench.tools.Tools report|compare|check|ab|merge|rounds ...}.
 *
 * <p>Exit codes: 0 done (and for check: no regression), 1 a regression (check, ab), 2 unusable
 * input or a wrong command line, with one line that says what is wrong.
 */
@Command(name = "batchbench", mixinStandardHelpOptions = true,
        description = "Reads, compares and gates batchbench (JMH) results.",
        subcommands = {ReportCommand.class, CompareCommand.class, CheckCommand.class, AbCommand.class,
                MergeCommand.class, RoundsCommand.class})
public final class Tools {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UnusableInputException) {
                cmd.getErr().println("batchbench: " + e.getMessage());
                return ExitCode.UNUSABLE;
            }
            throw e;
        });
        // Usage errors are wrong input too: exit 2, as for an unusable file.
        commandLine.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("batchbench: " + e.getMessage() + " (" + e.getCommandLine().getCommandName()
                    + " --help shows the usage)");
            return ExitCode.UNUSABLE;
        });
        return commandLine.execute(args);
    }

    /** The tools' command line, parsing as {@link #run} does. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Tools());
        // Everything after ab's jars, and after rounds' own options, belongs to JMH, options
        // included; for rounds even an option that comes first (rounds -e harness -f 5).
        commandLine.getSubcommands().get("ab").setStopAtPositional(true);
        commandLine.getSubcommands().get("rounds").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }
}
