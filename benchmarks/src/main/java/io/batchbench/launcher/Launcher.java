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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.openjdk.jmh.Main;
import org.openjdk.jmh.runner.Runner;
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
 * The jar's main class: takes the standard JMH command line, provisions one PostgreSQL for the
 * whole run, hands it to the JMH forks, runs JMH, writes jmh.json and env.json, and removes what
 * it started or created, also after a failed benchmark or Ctrl-C.
 *
 * <p>Exit codes: 0 the run completed, 1 the run failed (database, benchmark, wrong result),
 * 2 the command line is wrong.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws RunnerException, IOException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException | RuntimeException e) {
            // JMH reports some malformed values (an unknown -bm mode) as unchecked exceptions.
            System.err.println("batchbench: " + e.getMessage() + " (java -jar benchmarks.jar -h lists the options)");
            return 2;
        }
        try {
            ParamCheck.check(args, options);
        } catch (IllegalArgumentException e) {
            System.err.println("batchbench: " + e.getMessage());
            return 2;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            Main.main(args); // JMH's own listings need no database
            return 0;
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
            return runJmh(options, files, server.coordinates(), args, cleanup);
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

    private static int runJmh(CommandLineOptions options, RunFiles files, ServerCoordinates server, String[] args,
                              Cleanup cleanup) throws IOException, SQLException {
        System.out.println("batchbench: database " + describe(server));
        files.writeEnvironment(server, args);
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
                .result(files.resultFile().toString())
                .resultFormat(files.format())
                .addProfiler(TrialResultsProfiler.class)
                // A benchmark that errors (a wrong result, a broken strategy) must fail the run.
                .shouldFailOnError(options.shouldFailOnError().orElse(true))
                .build();
        try {
            new Runner(run).run();
        } catch (RunnerException e) {
            System.err.println("batchbench: the run failed: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return 1;
        } finally {
            // Also after a failure: the cells audited so far tell what the strategies sent.
            if (AuditFiles.merge(auditFolder, files.auditFile())) {
                System.out.println("batchbench: round-trip audit in " + files.auditFile());
            }
        }
        System.out.println("batchbench: results in " + files.resultFile() + ", environment in " + files.envFile());
        return 0;
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

        Cleanup(DatabaseServer server, String runId) {
            this.server = server;
            this.runId = runId;
        }

        void delete(Path file) {
            files.add(file);
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
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
