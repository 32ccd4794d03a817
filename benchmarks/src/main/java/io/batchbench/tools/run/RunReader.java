package io.batchbench.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a run (a folder or a JMH JSON file, see {@link RunLocation}) into per-fork samples, and
 * refuses with one message what would make every number after it meaningless.
 */
public final class RunReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReader() {
    }

    public static Run read(Path input) {
        RunLocation files = RunLocation.of(input);
        if (!Files.exists(files.jmh())) {
            throw new UnusableInputException(input + ": no JMH results here (expected "
                    + (Files.isDirectory(input) ? "jmh.json in the folder" : "a JMH JSON file") + ")");
        }
        JsonNode results = readJson(files.jmh());
        if (!results.isArray()) {
            throw new UnusableInputException(files.jmh() + ": not JMH JSON results (expected an array of benchmark results; write them with -rf json)");
        }
        if (results.isEmpty()) {
            throw new UnusableInputException(files.jmh() + ": holds no benchmark results");
        }
        Map<CellKey, Audit> audits = Files.exists(files.audit()) ? readAudits(files.audit()) : Map.of();
        JsonNode env = Files.exists(files.env()) ? readJson(files.env()) : JsonNodeFactory.instance.objectNode();
        List<Cell> cells = new ArrayList<>();
        Set<CellKey> seen = new java.util.HashSet<>();
        for (JsonNode result : results) {
            Cell cell = cell(files.jmh(), result, audits);
            if (!seen.add(cell.key())) {
                throw new UnusableInputException(files.jmh() + ": " + cell.key().label()
                        + " appears twice; merge shards with scripts/merge instead of concatenating them");
            }
            cells.add(cell);
        }
        return new Run(input.toString(), cells, env);
    }

    /**
     * The combinations a run's selection named that are no cell (env.json's {@code notApplicable},
     * written by the launcher): a framework without an idiom for them. The report shows them as n/a.
     */
    public static Set<CellKey> notApplicable(JsonNode env) {
        Set<CellKey> keys = new java.util.HashSet<>();
        for (JsonNode each : env.path("notApplicable")) {
            String benchmark = each.path("benchmark").asText();
            keys.add(CellKey.of(benchmark, ParamDefaults.complete(benchmark, params(each.path("params")))));
        }
        return keys;
    }

    public static JsonNode readJson(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new UnusableInputException(file + ": the file is empty (did the run finish?)");
            }
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                throw new UnusableInputException(file + ": the file is empty (did the run finish?)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnusableInputException(file + ": not valid JSON (truncated or not a JMH result file?): "
                    + e.getOriginalMessage().replaceAll(" \\(start marker at .*", "") + " at line "
                    + e.getLocation().getLineNr());
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static Cell cell(Path file, JsonNode result, Map<CellKey, Audit> audits) {
        String benchmark = text(file, result, "benchmark", "?");
        CellKey key = CellKey.of(benchmark, ParamDefaults.complete(benchmark, params(result.path("params"))));
        String where = file + ": " + key.label();
        String mode = text(file, result, "mode", key.label());
        JsonNode primary = result.path("primaryMetric");
        if (!primary.isObject()) {
            throw new UnusableInputException(where + " has no primaryMetric");
        }
        finite(where + " primary score", primary.path("score"));
        Metric metric = metric(where, primary);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        result.path("secondaryMetrics").properties().forEach(entry -> {
            // A profiler's count (gc.count, gc.time) may be NaN-free but is still optional: a
            // secondary metric that cannot be read is left out rather than failing the run.
            if (entry.getValue().has("rawData") && allFinite(entry.getValue().get("rawData"))) {
                secondary.put(entry.getKey(), metric(where + " " + entry.getKey(), entry.getValue()));
            }
        });
        return Cell.of(key, mode, metric, secondary, audits.get(key), settings(result));
    }

    /** What decides how a fork samples: a shorter warm-up can measure a colder JIT. */
    private static String settings(JsonNode result) {
        return "warm-up " + result.path("warmupIterations").asText("?") + " × " + result.path("warmupTime").asText("?")
                + ", measurement " + result.path("measurementIterations").asText("?") + " × "
                + result.path("measurementTime").asText("?") + ", threads " + result.path("threads").asText("?");
    }

    /** One sample per fork: the mean of its iterations, or of its histogram for SampleTime. */
    private static Metric metric(String where, JsonNode metric) {
        String unit = metric.path("scoreUnit").asText("");
        if (unit.isEmpty()) {
            throw new UnusableInputException(where + " has no scoreUnit");
        }
        JsonNode raw = metric.get("rawData");
        JsonNode histogram = metric.get("rawDataHistogram");
        if (raw == null && histogram == null) {
            throw new UnusableInputException(where + " has no rawData: per-fork samples are needed (scoreError alone"
                    + " ignores fork-to-fork variance); write results with -rf json from JMH 1.x");
        }
        double[] forks = raw != null ? forkMeans(where, raw) : histogramMeans(where, histogram);
        return new Metric(unit, forks);
    }

    private static double[] forkMeans(String where, JsonNode raw) {
        if (!raw.isArray() || raw.isEmpty()) {
            throw new UnusableInputException(where + " has an empty rawData (no fork finished)");
        }
        double[] means = new double[raw.size()];
        for (int fork = 0; fork < raw.size(); fork++) {
            JsonNode iterations = raw.get(fork);
            if (!iterations.isArray() || iterations.isEmpty()) {
                throw new UnusableInputException(where + ": fork " + (fork + 1) + " has no measured iteration");
            }
            double sum = 0;
            for (JsonNode score : iterations) {
                sum += finite(where + " fork " + (fork + 1), score);
            }
            means[fork] = sum / iterations.size();
        }
        return means;
    }

    /**
     * SampleTime writes, per fork and iteration, a histogram of [time, count] pairs instead of
     * scores; the fork's sample is the count-weighted mean time, what JMH reports as its score.
     */
    private static double[] histogramMeans(String where, JsonNode histogram) {
        if (!histogram.isArray() || histogram.isEmpty()) {
            throw new UnusableInputException(where + " has an empty rawDataHistogram (no fork finished)");
        }
        double[] means = new double[histogram.size()];
        for (int fork = 0; fork < histogram.size(); fork++) {
            double sum = 0;
            double count = 0;
            for (JsonNode iteration : histogram.get(fork)) {
                for (JsonNode pair : iteration) {
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new UnusableInputException(where + ": fork " + (fork + 1)
                                + " has a rawDataHistogram entry that is not a [time, count] pair: " + pair);
                    }
                    double n = finite(where + " fork " + (fork + 1), pair.get(1));
                    sum += finite(where + " fork " + (fork + 1), pair.get(0)) * n;
                    count += n;
                }
            }
            if (count <= 0) {
                throw new UnusableInputException(where + ": fork " + (fork + 1) + " has an empty histogram");
            }
            means[fork] = sum / count;
        }
        return means;
    }

    private static double finite(String where, JsonNode score) {
        if (score == null || !score.isNumber() || !Double.isFinite(score.doubleValue())) {
            throw new UnusableInputException(where + " has a score of " + (score == null ? "nothing" : score)
                    + ", not a number: the benchmark failed or measured nothing; fix or exclude it");
        }
        return score.doubleValue();
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!allFinite(child)) {
                    return false;
                }
            }
            return !node.isEmpty();
        }
        return node.isNumber() && Double.isFinite(node.doubleValue());
    }

    private static String text(Path file, JsonNode result, String field, String where) {
        JsonNode value = result.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new UnusableInputException(file + ": a result (" + where + ") has no \"" + field
                    + "\"; is this JMH JSON output?");
        }
        return value.asText();
    }

    private static Map<String, String> params(JsonNode params) {
        Map<String, String> values = new HashMap<>();
        params.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static Map<CellKey, Audit> readAudits(Path file) {
        JsonNode cells = readJson(file).path("cells");
        if (!cells.isArray()) {
            throw new UnusableInputException(file + ": expected {\"cells\": [...]}");
        }
        Map<CellKey, Audit> audits = new HashMap<>();
        for (JsonNode cell : cells) {
            String benchmark = cell.path("benchmark").asText();
            CellKey key = CellKey.of(benchmark, ParamDefaults.complete(benchmark, params(cell.path("params"))));
            for (String field : List.of("rows", "statements", "roundTrips", "statementsPer1000Rows", "roundTripsPer1000Rows")) {
                finite(file + ": " + key.label() + " " + field, cell.get(field));
            }
            audits.put(key, new Audit(cell.get("rows").asLong(), cell.get("statements").asLong(),
                    cell.get("roundTrips").asLong(), cell.get("statementsPer1000Rows").asDouble(),
                    cell.get("roundTripsPer1000Rows").asDouble(), cell.path("raced").asBoolean(false)));
        }
        return audits;
    }
}
