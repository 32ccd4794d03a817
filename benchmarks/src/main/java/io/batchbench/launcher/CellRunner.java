package io.batchbench.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the matrix one cell at a time: one JMH run per cell, with the user's options and the
 * selection narrowed to that cell. Running cell by cell is what lets the launcher leave out the
 * combinations that are not cells ({@link Matrix.NotApplicable}), run the cells in a shuffled
 * order (interleaved rounds), and keep the cells that finished when a run is interrupted. The
 * forks, warm-up, measurement and profilers of each cell are JMH's, as in a single JMH run.
 */
final class CellRunner {

    private final Options user;
    private final List<Matrix.Cell> cells;
    private final Gate console;
    private final OutputFormat output;
    private final List<RunResult> finished = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    /**
     * @param user    the user's options plus the launcher's (jvmArgsAppend, profilers, fail on error)
     * @param shuffle a seed to run the cells in a shuffled order, or null for JMH's order
     */
    CellRunner(Options user, Matrix matrix, Long shuffle) throws IOException {
        this.user = user;
        List<Matrix.Cell> order = new ArrayList<>(matrix.cells());
        if (shuffle != null) {
            Collections.shuffle(order, new Random(shuffle));
        }
        this.cells = List.copyOf(order);
        // One output for the whole run: JMH's -o would otherwise be rewritten by every cell.
        this.console = new Gate(user.getOutput().hasValue()
                ? new PrintStream(new FileOutputStream(user.getOutput().get()), true, StandardCharsets.UTF_8) : System.out);
        this.output = OutputFormatFactory.createFormatInstance(new PrintStream(console, true, StandardCharsets.UTF_8),
                user.verbosity().orElse(VerboseMode.NORMAL));
    }

    /** Runs every cell; a failing cell (a wrong result, with -foe, the default) stops the run. */
    List<RunResult> run() throws RunnerException {
        for (int i = 0; i < cells.size() && !stopped; i++) {
            Matrix.Cell cell = cells.get(i);
            output.println("# batchbench cell " + (i + 1) + " of " + cells.size() + ": " + cell.label());
            finished.addAll(new Runner(forCell(cell), output).run());
        }
        output.endRun(finished);
        return List.copyOf(finished);
    }

    /** The cells that finished so far, for a run that stops early. */
    List<RunResult> finished() {
        synchronized (finished) {
            return List.copyOf(finished);
        }
    }

    int total() {
        return cells.size();
    }

    /**
     * Starts no further cell, and from now on nothing reaches the console: an interrupted run says
     * what it kept in one line, not what its dying forks print.
     */
    void stop() {
        stopped = true;
        console.close();
    }

    /**
     * The user's options for one cell. JMH's builder adds includes to the parent's rather than
     * replacing them, so the cell is selected by excluding every other benchmark; its parameters
     * replace the command line's.
     */
    private Options forCell(Matrix.Cell cell) {
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(user)
                .exclude("^(?!" + Pattern.quote(cell.benchmark()) + "$)");
        cell.params().forEach((name, value) -> builder.param(name, value));
        return builder.build();
    }

    /** The console, which an interrupted run closes so that dying forks print nothing more. */
    private static final class Gate extends OutputStream {

        private final PrintStream target;
        private volatile boolean open = true;

        Gate(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            if (open) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (open) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
