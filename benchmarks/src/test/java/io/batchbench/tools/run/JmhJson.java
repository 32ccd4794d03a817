package io.batchbench.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes JMH JSON, env.json and audit.json fixtures with chosen per-fork iteration scores. */
public final class JmhJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public final ArrayNode results = NODES.arrayNode();
    public final ArrayNode audits = NODES.arrayNode();

    /** A cell in avgt us/op; each fork has the given iteration scores. */
    public ObjectNode cell(String benchmark, Map<String, String> params, double[]... forks) {
        return cell(benchmark, "avgt", "us/op", params, forks);
    }

    public ObjectNode cell(String benchmark, String mode, String unit, Map<String, String> params, double[]... forks) {
        ObjectNode result = results.addObject();
        result.put("jmhVersion", "1.37").put("benchmark", benchmark).put("mode", mode).put("threads", 1)
                .put("forks", forks.length).put("warmupIterations", 1).put("warmupTime", "1 s")
                .put("measurementIterations", forks[0].length).put("measurementTime", "1 s");
        ObjectNode p = result.putObject("params");
        params.forEach(p::put);
        result.set("primaryMetric", metric(unit, forks));
        result.putObject("secondaryMetrics");
        return result;
    }

    public static ObjectNode metric(String unit, double[]... forks) {
        ObjectNode metric = NODES.objectNode();
        double sum = 0;
        int n = 0;
        ArrayNode raw = NODES.arrayNode();
        for (double[] fork : forks) {
            ArrayNode iterations = raw.addArray();
            for (double score : fork) {
                iterations.add(score);
                sum += score;
                n++;
            }
        }
        metric.put("score", sum / n).put("scoreError", "NaN").put("scoreUnit", unit).set("rawData", raw);
        return metric;
    }

    /** Adds a secondary metric whose fork samples are the primary's scaled by {@code factor}. */
    public static void secondary(ObjectNode cell, String name, String unit, double factor) {
        ArrayNode raw = NODES.arrayNode();
        cell.get("primaryMetric").get("rawData").forEach(fork -> {
            ArrayNode iterations = raw.addArray();
            fork.forEach(score -> iterations.add(score.asDouble() * factor));
        });
        ObjectNode metric = ((ObjectNode) cell.get("secondaryMetrics")).putObject(name);
        metric.put("score", cell.get("primaryMetric").get("score").asDouble() * factor).put("scoreUnit", unit)
                .set("rawData", raw);
    }

    public void audit(String benchmark, Map<String, String> params, long rows, long statements, long roundTrips) {
        ObjectNode audit = audits.addObject();
        audit.put("benchmark", benchmark);
        ObjectNode p = audit.putObject("params");
        params.forEach(p::put);
        audit.put("rows", rows).put("statements", statements).put("roundTrips", roundTrips)
                .put("statementsPer1000Rows", statements * 1000.0 / rows)
                .put("roundTripsPer1000Rows", roundTrips * 1000.0 / rows);
    }

    public static ObjectNode env(String postgresVersion, String hibernate) {
        ObjectNode env = NODES.objectNode();
        env.put("runId", "run-" + postgresVersion + "-" + hibernate).put("recordedAt", "2026-11-22T05:28:11Z");
        env.putObject("git").put("commit", "0123456789abcdef").put("dirty", "false");
        env.putObject("java").put("version", "21.0.9").put("vendor", "Eclipse Adoptium").put("vmName", "OpenJDK 64-Bit Server VM");
        env.putObject("os").put("name", "Linux").put("version", "6.1").put("arch", "amd64");
        env.putObject("cpu").put("model", "Test CPU").put("logicalCores", 2);
        env.put("memoryBytes", 8L << 30);
        ObjectNode postgres = env.putObject("postgres");
        postgres.put("provider", "embedded").put("url", "jdbc:postgresql://localhost:5432/postgres");
        postgres.putObject("settings").put("server_version", postgresVersion).put("fsync", "on")
                .put("synchronous_commit", "on");
        env.putObject("versions").put("hibernate", hibernate).put("jmh", "1.37");
        env.putArray("jmhArguments").add("paging");
        return env;
    }

    /** Writes jmh.json, env.json (when given) and audit.json (when there are audits) into {@code dir}. */
    public Path writeFolder(Path dir, ObjectNode env) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("jmh.json").toFile(), results);
        if (env != null) {
            JSON.writeValue(dir.resolve("env.json").toFile(), env);
        }
        if (!audits.isEmpty()) {
            ObjectNode audit = NODES.objectNode();
            audit.set("cells", audits);
            JSON.writeValue(dir.resolve("audit.json").toFile(), audit);
        }
        return dir;
    }

    public static Map<String, String> params(String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }
}
