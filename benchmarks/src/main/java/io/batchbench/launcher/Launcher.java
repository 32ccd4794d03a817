package io.batchbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.openjdk.jmh.Main;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.batchbench.audit.AuditLog;
import io.batchbench.benchmark.TrialResultsProfiler;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.db.Connections;
import io.batchbench.fixtures.db.DatabaseServer;
import io.batchbench.fixtures.db.ProviderChain;
import io.batchbench.fixtures.db.ProvisioningException;
import io.batchbench.fixtures.db.ServerCoordinates;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.fixtures.env.ServerSettings;

/**
 * The jar's main class: takes the standard JMH command line, checks it against every selected
 * benchmark ({@link Matrix}), provisions one PostgreSQL for the whole run, hands it to the JMH
 * forks, runs the cells one by one ({@link CellRunner}), writes jmh.json, env.json and
 * audit.json, and removes what it started or created, also after a failed benchmark, Ctrl-C or
 * {@code kill}. An interrupted or failed run keeps the cells that finished, marked incomplete.
 *
 * <p>Besides JMH's options it takes {@code --shuffle SEED}: the cells run in an order shuffled
 * with that seed, as a round of an interleaved run does ({@code scripts/rounds}).
 *
 * <p>Exit codes: 0 the run completed, 1 the run failed (database, benchmark, wrong result) or was
 * interrupted, 2 the command line is wrong.
 */
public final class Launcher {

    static final String SHUFFLE = "--shuffle";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] commandLine) throws RunnerException, IOException {
        List<String> args = new ArrayList<>(List.of(commandLine));
        Long shuffle;
        CommandLineOptions options;
        Matrix matrix;
        Map<String, Object> forkJava;
        try {
            shuffle = shuffleSeed(args);
            options = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException | RuntimeException e) {
            // JMH reports some malformed values (an unknown -bm mode) as unchecked exceptions.
            System.err.println("batchbench: " + e.getMessage() + " (java -jar benchmarks.jar -h lists the options)");
            return 2;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            Main.main(args.toArray(String[]::new)); // JMH's own listings need no database
            return 0;
        }
        try {
            matrix = Matrix.of(args.toArray(String[]::new), options);
            forkJava = ForkJvm.describe(options);
        } catch (IllegalArgumentException e) {
            System.err.println("batchbench: " + e.getMessage());
            return 2;
        }

        RunFiles files = RunFiles.choose(options);
        DatabaseServer server;
        try {
            server = ProviderChain.standard().select().start();
        } catch (ProvisioningException e) {
            System.err.println("batchbench: " + e.getMessage());
            return 1;
        }
        Cleanup cleanup = new Cleanup(server, files.runId());
        Thread hook = new Thread(cleanup, "batchbench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Optional<String> noRoom = ConnectionHeadroom.check(server.coordinates(), matrix.connections());
            if (noRoom.isPresent()) {
                System.err.println("batchbench: " + noRoom.get());
                return 2;
            }
            return runCells(options, matrix, shuffle, forkJava, files, server.coordinates(), commandLine, cleanup);
        } catch (IOException | SQLException e) {
            System.err.println("batchbench: could not prepare the run: " + e.getMessage());
            return 1;
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C or kill: the hook is running or has run.
            }
        }
    }

    /** Takes {@code --shuffle SEED} out of the arguments; null when it is not there. */
    private static Long shuffleSeed(List<String> args) {
        int at = args.indexOf(SHUFFLE);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(SHUFFLE + " needs a seed, a whole number");
        }
        String seed = args.remove(at + 1);
        args.remove(at);
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SHUFFLE + " needs a seed, a whole number, got '" + seed + "'");
        }
    }

    private static int runCells(CommandLineOptions options, Matrix matrix, Long shuffle,
                                Map<String, Object> forkJava, RunFiles files, ServerCoordinates server,
                                String[] commandLine, Cleanup cleanup)
            throws IOException, SQLException {
        System.out.println("batchbench: database " + describe(server));
        files.writeEnvironment(server, commandLine, matrix, shuffle, forkJava);
        Path handoff = new ServerHandoff(files.runId(), server).write(Path.of(System.getProperty("java.io.tmpdir")));
        cleanup.delete(handoff);
        // Forks get the hand-off file; an in-process run (-f 0) reads the same property.
        System.setProperty(ServerHandoff.PROPERTY, handoff.toString());
        Path auditFolder = Files.createTempDirectory("batchbench-audit-");
        cleanup.delete(auditFolder);
        System.setProperty(AuditLog.PROPERTY, auditFolder.toString());
        List<String> jvmArgsAppend = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
        jvmArgsAppend.add("-D" + ServerHandoff.PROPERTY + "=" + handoff);
        jvmArgsAppend.add("-D" + AuditLog.PROPERTY + "=" + auditFolder);
        // Hibernate logs through JBoss Logging, which would bypass slf4j's quiet configuration.
        jvmArgsAppend.add("-Dorg.jboss.logging.provider=slf4j");
        Options run = new OptionsBuilder()
                .parent(options)
                .jvmArgsAppend(jvmArgsAppend.toArray(String[]::new))
                .addProfiler(TrialResultsProfiler.class)
                // A benchmark that errors (a wrong result, a broken strategy) must fail the run.
                .shouldFailOnError(options.shouldFailOnError().orElse(true))
                .build();
        CellRunner cells = new CellRunner(run, matrix, shuffle);
        Outcome outcome = new Outcome(files, cells, auditFolder);
        cleanup.first(outcome::interrupted);
        try {
            return outcome.completed(cells.run());
        } catch (RunnerException e) {
            return outcome.failed(e);
        }
    }

    /**
     * How the run ends, once: completed, failed at a cell, or interrupted (Ctrl-C, {@code kill}) from
     * the shutdown hook while a cell runs. Whatever ends it, the cells that finished are written,
     * and a run that did not complete says so in env.json.
     */
    private static final class Outcome {

        private final AtomicBoolean ended = new AtomicBoolean();
        private final RunFiles files;
        private final CellRunner cells;
        private final Path auditFolder;

        Outcome(RunFiles files, CellRunner cells, Path auditFolder) {
            this.files = files;
            this.cells = cells;
            this.auditFolder = auditFolder;
        }

        int completed(List<RunResult> results) throws IOException {
            if (!ended.compareAndSet(false, true)) {
                return 1;
            }
            files.writeResults(results);
            if (mergeAudit()) {
                System.out.println("batchbench: round-trip audit in " + files.auditFile());
            }
            System.out.println("batchbench: results in " + files.resultFile() + ", environment in " + files.envFile());
            return 0;
        }

        int failed(RunnerException e) throws IOException {
            if (!ended.compareAndSet(false, true)) {
                return 1;
            }
            List<RunResult> kept = cells.finished();
            String why = "failed: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
            keep(kept, why);
            System.err.println("batchbench: the run " + why + kept(kept));
            return 1;
        }

        /** From the shutdown hook: stop the forks quietly, keep what finished, say so in one line. */
        void interrupted() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            cells.stop();
            ProcessHandle.current().children().filter(Outcome::isFork).forEach(ProcessHandle::destroy);
            List<RunResult> kept = cells.finished();
            try {
                keep(kept, "interrupted");
                System.err.println("batchbench: interrupted" + kept(kept));
            } catch (IOException | RuntimeException e) {
                System.err.println("batchbench: interrupted; could not keep the finished cells: " + e.getMessage());
            }
        }

        private void keep(List<RunResult> kept, String why) throws IOException {
            files.markIncomplete(why + " after " + kept.size() + " of " + cells.total() + " cells");
            if (!kept.isEmpty()) {
                files.writeResults(kept);
            }
            mergeAudit();
        }

        /** A JMH fork of this launcher (the database server may be a child too, and is stopped later). */
        private static boolean isFork(ProcessHandle process) {
            return process.info().commandLine().map(line -> line.contains("org.openjdk.jmh.runner.ForkedMain"))
                    .orElse(false);
        }

        private String kept(List<RunResult> kept) {
            return kept.isEmpty() ? "; no cell finished, nothing kept"
                    : "; kept the " + kept.size() + " of " + cells.total() + " cells that finished in "
                    + files.resultFile() + " (marked incomplete in " + files.envFile() + ")";
        }

        // Also after a failure: the cells audited so far tell what the strategies sent.
        private boolean mergeAudit() throws IOException {
            return AuditFiles.merge(auditFolder, files.auditFile());
        }
    }

    /** One line: provider, version, durability settings, URL without password. */
    private static String describe(ServerCoordinates server) throws SQLException {
        try (Connection connection = Connections.openAdmin(server)) {
            Map<String, String> settings = ServerSettings.read(connection);
            StringBuilder line = new StringBuilder(server.provider()).append(" PostgreSQL ")
                    .append(settings.get("server_version"));
            for (String name : ServerSettings.DURABILITY) {
                line.append(' ').append(name).append('=').append(settings.get(name));
            }
            return line.append(" at ").append(server.redactedUrl()).toString();
        }
    }

    /**
     * Drops the run's databases and stops the server; runs once, from the normal end of the run
     * or from the shutdown hook when the user presses Ctrl-C.
     */
    private static final class Cleanup implements Runnable {

        private final AtomicBoolean done = new AtomicBoolean();
        private final DatabaseServer server;
        private final String runId;
        private final List<Path> files = new ArrayList<>();
        private final List<Runnable> first = new ArrayList<>();

        Cleanup(DatabaseServer server, String runId) {
            this.server = server;
            this.runId = runId;
        }

        void delete(Path file) {
            files.add(file);
        }

        /** Runs before anything is removed: from the shutdown hook, what an interrupted run keeps. */
        void first(Runnable action) {
            first.add(action);
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            first.forEach(Runnable::run);
            for (Path file : files) {
                try (Stream<Path> tree = Files.isDirectory(file) ? Files.walk(file) : Stream.of(file)) {
                    for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(each);
                    }
                } catch (IOException e) {
                    System.err.println("batchbench: could not delete " + file + ": " + e.getMessage());
                }
            }
            try {
                new Datasets(server.coordinates(), runId).dropAll();
            } catch (RuntimeException e) {
                System.err.println("batchbench: " + e.getMessage());
            } finally {
                server.close();
            }
        }
    }
}
