package io.batchbench.tools.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.EnvironmentDiff;
import io.batchbench.tools.run.OutputFiles;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunEnvironment;
import io.batchbench.tools.run.RunLocation;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

/**
 * Combines runs of one matrix: shards run by different CI jobs, or the rounds of an A/B run. A
 * cell in several inputs gets all their forks, with score, error, interval and percentiles
 * recomputed as JMH computes them; the output is standard JMH JSON again. Inputs are refused, before
 * anything is written, when they differ in what moves the numbers ({@link RunEnvironment}: the JVM,
 * cores, PostgreSQL, versions, commit, JMH options; the CPU model only for forks of one cell, as
 * shards of different cells may come from runners with different CPUs, which the merged env.json
 * then names all of), when one is truncated or marked incomplete,
 * when their profiler and work metrics differ, when shards of different cells were run with
 * different forks, or when a cell in several was measured with other settings: their forks do not
 * sample the same thing.
 */
public final class RunMerger {

    /** env.json's mark of a run that stopped early (the launcher's and rounds' own). */
    private static final String INCOMPLETE = "incomplete";
    private static final String NOT_APPLICABLE = "notApplicable";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SETTINGS = List.of("mode", "threads", "warmupIterations", "warmupTime",
            "warmupBatchSize", "measurementIterations", "measurementTime", "measurementBatchSize", "jmhVersion",
            "jdkVersion", "vmVersion");
    // JMH's GC profiler reports gc.time only for forks in which a collection took time: its absence
    // in one fork is zero milliseconds, not another profiler.
    private static final Set<String> REPORTED_WHEN_NONZERO = Set.of("gc.time");
    // Counters JMH's GC profiler sums over iterations; a single value cannot show it.
    private static final Set<String> SUMMED = Set.of("gc.count", "gc.time");
    private static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};

    private RunMerger() {
    }

    /** Merges {@code inputs} (run folders or JMH JSON files) into {@code out}'s jmh.json, env.json and audit.json. */
    public static void merge(List<Path> inputs, RunLocation out) {
        if (inputs.size() < 2) {
            throw new UnusableInputException("merge needs at least two runs, got " + inputs.size());
        }
        Map<CellKey, ObjectNode> cells = new LinkedHashMap<>();
        Map<CellKey, ObjectNode> audits = new LinkedHashMap<>();
        JsonNode firstEnv = null;
        ArrayNode runIds = NODES.arrayNode();
        Map<Path, Run> runs = new LinkedHashMap<>();
        Map<CellKey, String> cpuOf = new LinkedHashMap<>();
        Set<String> cpus = new LinkedHashSet<>();
        for (Path input : inputs) {
            runs.put(input, readShard(input));
        }
        Path first = inputs.get(0);
        for (Path input : inputs) {
            RunLocation files = RunLocation.of(input);
            JsonNode env = runs.get(input).env();
            if (env.hasNonNull(INCOMPLETE)) {
                throw new UnusableInputException("refusing to merge " + input + ": it is marked incomplete ("
                        + env.get(INCOMPLETE).asText() + "); run that shard again, or merge the others without it");
            }
            if (firstEnv == null) {
                firstEnv = env;
            } else {
                // The CPU model is checked cell by cell below: shards of different cells may differ in it.
                List<EnvironmentDiff.Difference> differences = RunEnvironment.differences(firstEnv, env).stream()
                        .filter(d -> !d.field().equals(RunEnvironment.CPU_MODEL)).toList();
                if (!differences.isEmpty()) {
                    EnvironmentDiff.Difference d = differences.get(0);
                    throw new UnusableInputException("refusing to merge " + first + " and " + input + ": "
                            + d.field() + " differs (" + d.a() + " in the first, " + d.b() + " in the second)"
                            + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more differences)" : "")
                            + "; forks from different setups are not samples of one thing: run every shard with the"
                            + " same jar, JDK, database and JMH options");
                }
                compareShards(first, runs.get(first), input, runs.get(input));
            }
            if (env.hasNonNull("runId")) {
                runIds.add(env.get("runId").asText());
            }
            String cpu = env.path("cpu").path("model").asText("");
            cpus.add(cpu);
            for (JsonNode result : RunReader.readJson(files.jmh())) {
                CellKey key = key(result);
                String before = cpuOf.putIfAbsent(key, cpu);
                if (before != null && !before.equals(cpu)) {
                    throw new UnusableInputException("refusing to merge " + input + ": " + key.label() + " was measured on "
                            + before + " before and on " + cpu + " there; forks of one cell on different CPUs are not"
                            + " samples of one thing: run all of a cell's rounds on one machine");
                }
                add(cells, (ObjectNode) result.deepCopy(), input);
            }
            if (files.audit().toFile().exists()) {
                for (JsonNode audit : RunReader.readJson(files.audit()).path("cells")) {
                    CellKey key = key(audit);
                    ObjectNode previous = audits.putIfAbsent(key, (ObjectNode) audit.deepCopy());
                    if (previous != null && !counts(previous).equals(counts(audit))) {
                        if (!raced(previous) && !raced(audit)) {
                            throw new UnusableInputException("refusing to merge: the audits of " + key.label()
                                    + " differ (" + counts(previous) + " vs " + counts(audit)
                                    + "); exact counts cannot differ between runs of one build");
                        }
                        // Units that race for chunks count differently from run to run: kept as the
                        // launcher keeps the forks of one run, the most round trips, marked inconsistent.
                        ObjectNode kept = audit.path("roundTrips").asLong() > previous.path("roundTrips").asLong()
                                ? (ObjectNode) audit.deepCopy() : previous;
                        audits.put(key, kept.put("consistent", false));
                    }
                }
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode results = NODES.arrayNode();
        cells.values().forEach(results::add);
        write(json, out.jmh(), results);
        ObjectNode env = ((ObjectNode) firstEnv).deepCopy();
        env.set(EnvironmentDiff.MERGED_FROM, runIds);
        if (cpus.size() > 1) {
            // Shards of different cells ran on different CPUs: the merged run says so wherever it is read.
            ((ObjectNode) env.path("cpu")).put("model", String.join(" + ", cpus));
        }
        // Shards of other workloads left other combinations out: the merged run left out all of them.
        Set<JsonNode> notApplicable = new LinkedHashSet<>();
        runs.values().forEach(run -> run.env().path(NOT_APPLICABLE).forEach(notApplicable::add));
        if (!notApplicable.isEmpty()) {
            env.putArray(NOT_APPLICABLE).addAll(notApplicable);
        }
        write(json, out.env(), env);
        if (!audits.isEmpty()) {
            ObjectNode audit = NODES.objectNode();
            audit.putArray("cells").addAll(audits.values());
            write(json, out.audit(), audit);
        }
    }

    /**
     * What an audit counts exactly: rows, statements, round trips and commits. The breakdown by
     * verb is not compared: it also lists the pool's liveness check (an empty query, counted as no
     * statement and no round trip), which one round's trial sends and another's does not.
     */
    private static boolean raced(JsonNode audit) {
        return audit.path("raced").asBoolean(false);
    }

    private static List<String> counts(JsonNode audit) {
        return List.of("rows", "statements", "roundTrips", "commits").stream()
                .map(field -> field + "=" + audit.path(field).asText("?")).toList();
    }

    /** A shard the reader refuses (missing, empty, truncated) is named with what to do about it. */
    private static Run readShard(Path input) {
        try {
            return RunReader.read(input);
        } catch (UnusableInputException e) {
            throw new UnusableInputException("refusing to merge: " + e.getMessage()
                    + "; run or download that shard again");
        }
    }

    /**
     * Shards with no cell in common must have been measured alike: the same work and profiler
     * metrics (a shard without -prof gc or with the work metrics off has fewer), and the same
     * forks per cell (rounds). Shards of the same cells (the rounds of one run) add forks up.
     */
    private static void compareShards(Path first, Run a, Path input, Run b) {
        Set<String> metricsA = profiledMetrics(a);
        Set<String> metricsB = profiledMetrics(b);
        if (!metricsA.equals(metricsB)) {
            throw new UnusableInputException("refusing to merge " + first + " and " + input + ": their cells have the"
                    + " metrics " + metricsA + " in the first and " + metricsB + " in the second; run every shard with the same"
                    + " profilers (-prof gc) and work metrics");
        }
        boolean disjoint = a.cells().stream().noneMatch(c -> b.byKey().containsKey(c.key()));
        Set<Integer> forksA = forks(a);
        Set<Integer> forksB = forks(b);
        if (disjoint && !forksA.equals(forksB)) {
            throw new UnusableInputException("refusing to merge " + first + " and " + input + ": their cells have "
                    + forksA + " forks in the first and " + forksB + " in the second; run every shard with the same -f (rounds)");
        }
    }

    private static Set<String> profiledMetrics(Run run) {
        Set<String> names = new java.util.TreeSet<>();
        run.cells().forEach(c -> c.secondary().keySet().stream()
                .filter(name -> Cell.WORK.contains(name) || name.startsWith("gc."))
                .filter(name -> !REPORTED_WHEN_NONZERO.contains(name)).forEach(names::add));
        return names;
    }

    private static Set<Integer> forks(Run run) {
        Set<Integer> forks = new java.util.TreeSet<>();
        run.cells().forEach(c -> forks.add(c.primary().forks()));
        return forks;
    }

    private static void write(ObjectMapper json, Path file, JsonNode node) {
        try {
            OutputFiles.write(file, json.writeValueAsString(node) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CellKey key(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return CellKey.of(node.path("benchmark").asText(), params);
    }

    private static void add(Map<CellKey, ObjectNode> cells, ObjectNode result, Path input) {
        CellKey key = key(result);
        ObjectNode merged = cells.get(key);
        if (merged == null) {
            cells.put(key, result);
            return;
        }
        for (String setting : SETTINGS) {
            if (!merged.path(setting).equals(result.path(setting))) {
                throw new UnusableInputException("refusing to merge " + input + ": " + key.label() + " was run with "
                        + setting + " " + result.path(setting) + " there and " + merged.path(setting) + " before");
            }
        }
        for (String name : REPORTED_WHEN_NONZERO) {
            zeroIfAbsent(merged, result, name);
            zeroIfAbsent(result, merged, name);
        }
        Set<String> secondaryA = fieldNames(merged.path("secondaryMetrics"));
        Set<String> secondaryB = fieldNames(result.path("secondaryMetrics"));
        if (!secondaryA.equals(secondaryB)) {
            throw new UnusableInputException("refusing to merge " + input + ": " + key.label()
                    + " has secondary metrics " + secondaryB + " there and " + secondaryA + " before (same profilers?)");
        }
        merged.put("forks", merged.path("forks").asInt() + result.path("forks").asInt());
        concatenate((ObjectNode) merged.get("primaryMetric"), result.get("primaryMetric"), false);
        for (String name : secondaryA) {
            concatenate((ObjectNode) merged.get("secondaryMetrics").get(name), result.get("secondaryMetrics").get(name),
                    SUMMED.contains(name));
        }
    }

    /** Gives {@code result} the metric {@code name} of {@code model} at zero, one value per fork, if it lacks it. */
    private static void zeroIfAbsent(ObjectNode result, ObjectNode model, String name) {
        JsonNode present = model.path("secondaryMetrics").get(name);
        if (present == null || result.path("secondaryMetrics").has(name) || !present.has("rawData")) {
            return;
        }
        ObjectNode zero = present.deepCopy();
        ArrayNode forks = zero.putArray("rawData");
        for (int fork = 0; fork < result.path("forks").asInt(1); fork++) {
            forks.addArray().add(0.0);
        }
        zero.put("score", 0.0);
        ((ObjectNode) result.get("secondaryMetrics")).set(name, zero);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void concatenate(ObjectNode metric, JsonNode other, boolean summedByName) {
        String field = metric.has("rawData") ? "rawData" : "rawDataHistogram";
        boolean summed = summedByName || isSum(metric);
        ((ArrayNode) metric.get(field)).addAll((ArrayNode) other.get(field));
        Statistics statistics = field.equals("rawData") ? list(metric.get(field)) : histogram(metric.get(field));
        // JMH sums some profiler counters (gc.count, gc.time) over iterations instead of averaging.
        metric.put("score", summed ? statistics.getSum() : statistics.getMean());
        number(metric, "scoreError", summed ? Double.NaN : statistics.getMeanErrorAt(0.999));
        ArrayNode confidence = metric.putArray("scoreConfidence");
        if (summed) {
            confidence.add(statistics.getSum()).add(statistics.getSum());
        } else {
            for (double bound : statistics.getConfidenceIntervalAt(0.999)) {
                number(confidence, bound);
            }
        }
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (double p : PERCENTILES) {
            percentiles.put(String.valueOf(p), statistics.getPercentile(p));
        }
    }

    private static boolean isSum(JsonNode metric) {
        JsonNode raw = metric.get("rawData");
        if (raw == null) {
            return false;
        }
        ListStatistics statistics = list(raw);
        double score = metric.path("score").asDouble(Double.NaN);
        return statistics.getN() > 1 && Math.abs(score - statistics.getSum()) < 1e-9 * Math.abs(score)
                && Math.abs(score - statistics.getMean()) > 1e-9 * Math.abs(score);
    }

    private static ListStatistics list(JsonNode forks) {
        ListStatistics statistics = new ListStatistics();
        forks.forEach(fork -> fork.forEach(value -> statistics.addValue(value.asDouble())));
        return statistics;
    }

    private static MultisetStatistics histogram(JsonNode forks) {
        MultisetStatistics statistics = new MultisetStatistics();
        forks.forEach(fork -> fork.forEach(iteration -> iteration.forEach(
                pair -> statistics.addValue(pair.get(0).asDouble(), pair.get(1).asLong()))));
        return statistics;
    }

    /** JMH writes a number that is not finite as a string ("NaN"), keeping the file valid JSON. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, String.valueOf(value));
        }
    }

    private static void number(ArrayNode node, double value) {
        if (Double.isFinite(value)) {
            node.add(value);
        } else {
            node.add(String.valueOf(value));
        }
    }
}
