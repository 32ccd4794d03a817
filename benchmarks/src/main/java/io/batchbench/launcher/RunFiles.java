package io.batchbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.batchbench.fixtures.db.ServerCoordinates;
import io.batchbench.fixtures.env.EnvironmentFingerprint;

/**
 * Where a run's files go: {@code results/runs/<run-id>/jmh.json}, {@code env.json} and {@code audit.json} beside it,
 * unless the user chose a result file with {@code -rff FILE}: then the environment goes beside it
 * as {@code FILE}'s name with {@code .env.json} instead of its extension (the audit with
 * {@code .audit.json}), so that several runs written into one folder keep their own.
 *
 * @param runId      names the run folder and every database the run creates
 * @param resultFile the JMH result file
 * @param format     the JMH result format
 */
record RunFiles(String runId, Path resultFile, ResultFormatType format) {

    static final Path RUNS = Path.of("results", "runs");
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
    private static final Pattern SECRET_ARGUMENT = Pattern.compile("(?i)(password[^=]*=)\\S*");

    static RunFiles choose(CommandLineOptions options) {
        String runId = RUN_ID_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "_"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
        ResultFormatType format = options.getResultFormat().orElse(ResultFormatType.JSON);
        Path resultFile = options.getResult().hasValue()
                ? Path.of(options.getResult().get())
                : RUNS.resolve(runId).resolve("jmh." + format.name().toLowerCase(Locale.ROOT));
        return new RunFiles(runId, resultFile.toAbsolutePath().normalize(), format);
    }

    Path envFile() {
        return companion("env");
    }

    /** audit.json: the round-trip audit of every cell, next to the results. */
    Path auditFile() {
        return companion("audit");
    }

    private Path companion(String kind) {
        if (resultFile.startsWith(RUNS.resolve(runId).toAbsolutePath().normalize())) {
            return resultFile.resolveSibling(kind + ".json");
        }
        String name = resultFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return resultFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + kind + ".json");
    }

    /** Writes env.json: the machine, the server and its settings, the versions, and the command line. */
    void writeEnvironment(ServerCoordinates server, String[] args) throws IOException {
        Files.createDirectories(resultFile.getParent());
        Map<String, Object> env = new LinkedHashMap<>(EnvironmentFingerprint.collect(runId, server));
        env.put("jmhArguments", redacted(args));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(envFile().toFile(), env);
    }

    /** The command line with the value of anything that looks like a password blanked. */
    static List<String> redacted(String[] args) {
        List<String> redacted = new ArrayList<>();
        for (String arg : args) {
            redacted.add(SECRET_ARGUMENT.matcher(arg).replaceAll("$1***"));
        }
        return redacted;
    }
}
