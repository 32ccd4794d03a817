package io.batchbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs benchmarks.jar as a user does: a separate JVM, in a scratch working directory. */
final class JarProcess {

    private static final Pattern DATABASE_LINE =
            Pattern.compile("batchbench: database \\w+ PostgreSQL .* at jdbc:postgresql://[^:/]+:(\\d+)/");

    private static final String JAR = System.getProperty("batchbench.jar");

    final Process process;
    final Path workDir;
    private final Path output;

    private JarProcess(Process process, Path workDir, Path output) {
        this.process = process;
        this.workDir = workDir;
        this.output = output;
    }

    static JarProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        if (JAR == null || !Files.isRegularFile(Path.of(JAR))) {
            throw new IllegalStateException("benchmarks.jar not found (" + JAR + "): run through Maven's verify phase");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // JMH's lock file serialises benchmark runs on a machine; tests running in parallel builds ignore it.
        command.add("-Djmh.ignoreLock=true");
        command.add("-jar");
        command.add(JAR);
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "jar-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BATCHBENCH_"));
        builder.environment().putAll(env);
        return new JarProcess(builder.start(), workDir, output);
    }

    /** Waits for the exit code; the process is killed and the test fails when it takes longer. */
    int exitCode(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("benchmarks.jar did not finish within " + limit + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** The port of the server the launcher announced on its database line, or -1 before that line. */
    int databasePort() {
        Matcher matcher = DATABASE_LINE.matcher(output());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
