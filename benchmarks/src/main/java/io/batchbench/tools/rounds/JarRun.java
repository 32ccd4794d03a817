package io.batchbench.tools.rounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.batchbench.tools.run.UnusableInputException;

/**
 * One run of a benchmark jar as a child process, its output passed through to this process's
 * until {@link #stop()}: a run that is being interrupted says what it kept in one line of its own,
 * not in the lines of the child it stops.
 */
public final class JarRun {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final Process process;
    private final Thread pump;
    private volatile boolean passing = true;

    private JarRun(Process process, PrintStream to) {
        this.process = process;
        this.pump = Thread.ofPlatform().daemon().name("batchbench-jar-output").start(() -> pump(process.getInputStream(), to));
    }

    /** Starts {@code java -jar jar args...}, its output and errors going to {@code to}. */
    public static JarRun start(Path jar, List<String> args, PrintStream to) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", jar.toString()));
        command.addAll(args);
        try {
            return new JarRun(new ProcessBuilder(command).redirectErrorStream(true).start(), to);
        } catch (IOException e) {
            throw new UnusableInputException("cannot start " + JAVA + ": " + e.getMessage());
        }
    }

    /** Waits for the run to end; its exit code. */
    public int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        pump.join();
        return exit;
    }

    /**
     * Stops the run as a CI cancellation would (SIGTERM: the launcher keeps what finished and
     * stops its server), with its output no longer passed on, and waits for it to end.
     */
    public void stop() throws InterruptedException {
        passing = false;
        process.destroy();
        process.waitFor();
    }

    private void pump(InputStream from, PrintStream to) {
        byte[] buffer = new byte[8192];
        try (from) {
            int n;
            while ((n = from.read(buffer)) > 0) {
                if (passing) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException ended) {
            // the child is gone
        }
    }
}
