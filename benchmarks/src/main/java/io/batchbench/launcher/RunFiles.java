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

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    /** env.json fields the launcher adds; the tools read them from the file, by these names. */
    static final String CELL_ORDER = "cellOrder";
    static final String NOT_APPLICABLE = "notApplicable";
    static final String INCOMPLETE = "incomplete";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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

    /**
     * Writes env.json: the machine, the JVM the forks run, the server and its settings, the versions,
     * the command line, the order the cells run in, and the combinations the selection names that
     * are not cells.
     */
    void writeEnvironment(ServerCoordinates server, String[] args, Matrix matrix, Long shuffle,
                          Map<String, Object> forkJava) throws IOException {
        Files.createDirectories(resultFile.getParent());
        Map<String, Object> env = new LinkedHashMap<>(EnvironmentFingerprint.collect(runId, server));
        env.put("java", forkJava);
        env.put("jmhArguments", redacted(args));
        env.put(CELL_ORDER, shuffle == null ? "JMH's" : "shuffled, seed " + shuffle);
        List<Map<String, Object>> notApplicable = new ArrayList<>();
        for (Matrix.NotApplicable each : matrix.notApplicable()) {
            notApplicable.add(Map.of("benchmark", each.cell().benchmark(), "params", each.cell().params(),
                    "reason", each.reason()));
        }
        env.put(NOT_APPLICABLE, notApplicable);
        JSON.writeValue(envFile().toFile(), env);
    }

    /** Says in env.json that the run did not complete, and why: its results hold only the cells that finished. */
    void markIncomplete(String why) throws IOException {
        ObjectNode env = (ObjectNode) JSON.readTree(envFile().toFile());
        env.put(INCOMPLETE, why);
        JSON.writeValue(envFile().toFile(), env);
    }

    /** Writes the results of every cell that ran, in the format JMH was asked for. */
    void writeResults(List<RunResult> results) {
        ResultFormatFactory.getInstance(format, resultFile.toString()).writeOut(results);
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
