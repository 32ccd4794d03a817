package io.batchbench.tools.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.ExitCode;

import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.JmhJson;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunLocation;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

class MergeTest {

    private static final String SCAN = "io.batchbench.benchmark.paging.FullScanBenchmark.fullScan";

    @TempDir
    Path dir;

    @Test
    void concatenatesForksOfTheSameCellAndKeepsShardsCells() throws IOException {
        JmhJson a = new JmhJson();
        a.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10, 12});
        JmhJson.secondary(a.results.get(0).deepCopy(), "rows", "us/op", 0.001);
        a.audit(SCAN, JmhJson.params("framework", "jdbc"), 1000, 10, 10);
        JmhJson b = new JmhJson();
        b.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {20, 22}, new double[] {30, 30});
        b.cell(SCAN, JmhJson.params("framework", "jooq"), new double[] {40});
        b.audit(SCAN, JmhJson.params("framework", "jdbc"), 1000, 10, 10);

        RunMerger.merge(List.of(a.writeFolder(dir.resolve("a"), JmhJson.env("18.6", "7.4")),
                b.writeFolder(dir.resolve("b"), JmhJson.env("18.6", "7.4"))), RunLocation.folder(dir.resolve("m")));

        Run merged = RunReader.read(dir.resolve("m"));
        assertThat(merged.cells()).hasSize(2);
        Cell jdbc = merged.cells().get(0);
        assertThat(jdbc.primary().forkSamples()).containsExactly(11, 21, 30);
        assertThat(jdbc.audit()).isPresent();
        JsonNode json = JmhJson.JSON.readTree(dir.resolve("m/jmh.json").toFile()).get(0);
        assertThat(json.get("forks").asInt()).isEqualTo(3);
        assertThat(json.at("/primaryMetric/score").asDouble()).isEqualTo((10 + 12 + 20 + 22 + 30 + 30) / 6.0);
        assertThat(json.at("/primaryMetric/scorePercentiles/100.0").asDouble()).isEqualTo(30);
        assertThat(JmhJson.JSON.readTree(dir.resolve("m/env.json").toFile()).get("mergedFrom")).hasSize(2);
    }

    @Test
    void aForkWithoutGcTimeHadNoCollectionButAnotherMissingMetricIsRefused() throws IOException {
        JmhJson a = new JmhJson();
        ObjectNode collected = a.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10, 12});
        ((ObjectNode) collected.get("secondaryMetrics")).set("gc.time", JmhJson.metric("ms", new double[] {11}));
        JmhJson b = new JmhJson();
        b.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {20, 22});
        Path first = a.writeFolder(dir.resolve("a"), null);
        Path second = b.writeFolder(dir.resolve("b"), null);

        RunMerger.merge(List.of(first, second), RunLocation.folder(dir.resolve("m")));
        JsonNode gcTime = JmhJson.JSON.readTree(dir.resolve("m/jmh.json").toFile()).get(0).at("/secondaryMetrics/gc.time");
        assertThat(gcTime.get("rawData")).hasSize(2);
        assertThat(gcTime.get("score").asDouble()).isEqualTo(11);

        JmhJson c = new JmhJson();
        ObjectNode other = c.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {30, 32});
        JmhJson.secondary(other, "rows", "us/op", 0.001);
        Path third = c.writeFolder(dir.resolve("c"), null);
        assertThatThrownBy(() -> RunMerger.merge(List.of(second, third), RunLocation.folder(dir.resolve("n"))))
                .isInstanceOf(UnusableInputException.class).hasMessageContaining("secondary metrics [rows]");
    }

    @Test
    void refusesRunsFromDifferentEnvironments() throws IOException {
        JmhJson a = new JmhJson();
        a.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10});
        Path first = a.writeFolder(dir.resolve("a"), JmhJson.env("18.6", "7.4"));
        Path second = a.writeFolder(dir.resolve("b"), JmhJson.env("17.2", "7.4"));
        assertThatThrownBy(() -> RunMerger.merge(List.of(first, second), RunLocation.folder(dir.resolve("m"))))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("postgres.settings.server_version differs (18.6 in the first, 17.2 in the second)");
    }

    /** Two CI shards of different workloads, as reference.yml makes them: one run, both shards' cells and exclusions. */
    @Test
    void shardsOfDifferentWorkloadsMergeIntoOneRun() throws IOException {
        Path out = dir.resolve("merged");
        assertThat(Tools.run("merge", "-o", out.toString(), shard("paging", SCAN, env("paging")).toString(),
                shard("insert", INSERT, env("insert")).toString())).isEqualTo(ExitCode.PASS);
        Run merged = RunReader.read(out);
        assertThat(merged.cells()).extracting(c -> c.key().shortName())
                .containsExactly("FullScanBenchmark.fullScan", "InsertBenchmark.insert");
        assertThat(merged.cells()).allSatisfy(c -> assertThat(c.primary().forks()).isEqualTo(5));
        JsonNode env = JmhJson.JSON.readTree(out.resolve("env.json").toFile());
        assertThat(env.get("notApplicable")).hasSize(2);
        assertThat(env.get("mergedFrom")).hasSize(2);
    }

    @Test
    void shardsFromAnotherMachineOfTheSameKindMerge() throws IOException {
        ObjectNode other = env("insert");
        other.put("memoryBytes", 7L << 30);
        ((ObjectNode) other.get("cpu")).put("model", "Other CPU");
        ((ObjectNode) other.get("os")).put("version", "6.2");
        assertThat(Tools.run("merge", "-o", dir.resolve("m").toString(), shard("paging", SCAN, env("paging")).toString(),
                shard("insert", INSERT, other).toString())).isEqualTo(ExitCode.PASS);
        JsonNode env = JmhJson.JSON.readTree(dir.resolve("m").resolve("env.json").toFile());
        assertThat(env.path("cpu").path("model").asText()).as("both CPUs named").isEqualTo("Test CPU + Other CPU");
    }

    /** Forks of one cell from two CPU models are not samples of one thing (an EPYC and a Xeon: 2× apart). */
    @Test
    void refusesForksOfOneCellFromAnotherCpu() throws IOException {
        ObjectNode xeon = env("paging");
        ((ObjectNode) xeon.get("cpu")).put("model", "Other CPU");
        assertRefused(shard("epyc", SCAN, env("paging")), shard("xeon", SCAN, xeon),
                "was measured on Test CPU before and on Other CPU there");
    }

    @Test
    void refusesShardsThatDifferInWhatMovesTheNumbersAndWritesNothing() throws IOException {
        Path paging = shard("paging", SCAN, env("paging"));
        ObjectNode jvm = env("insert");
        ((ObjectNode) jvm.get("java")).put("version", "25.0.3");
        assertRefused(paging, shard("jvm", INSERT, jvm), "java.version differs (21.0.9 in the first, 25.0.3 in the second)");
        ObjectNode cores = env("insert");
        ((ObjectNode) cores.get("cpu")).put("logicalCores", 4);
        assertRefused(paging, shard("cores", INSERT, cores), "cpu.logicalCores differs");
        ObjectNode provider = env("insert");
        ((ObjectNode) provider.get("postgres")).put("provider", "container");
        assertRefused(paging, shard("provider", INSERT, provider), "postgres.provider differs");
        ObjectNode commit = env("insert");
        ((ObjectNode) commit.get("git")).put("commit", "fedcba");
        assertRefused(paging, shard("commit", INSERT, commit), "git.commit differs");
        ObjectNode options = env("insert");
        options.putArray("jmhArguments").add("InsertBenchmark").add("-f").add("1").add("-wi").add("0")
                .add("-jvmArgsAppend").add("-Dbatchbench.workMetrics=false");
        assertRefused(paging, shard("options", INSERT, options), "JMH options differs");
    }

    @Test
    void refusesIncompleteTruncatedAndDifferentlyMeasuredShards() throws IOException {
        Path paging = shard("paging", SCAN, env("paging"));
        ObjectNode incomplete = env("insert");
        incomplete.put("incomplete", "interrupted in round 3 after 2 of 5 rounds");
        assertRefused(paging, shard("incomplete", INSERT, incomplete), "marked incomplete (interrupted in round 3");

        Path truncated = shard("truncated", INSERT, env("insert"));
        String json = Files.readString(truncated.resolve("jmh.json"));
        Files.writeString(truncated.resolve("jmh.json"), json.substring(0, json.length() / 2));
        assertRefused(paging, truncated, "not valid JSON");

        JmhJson noGc = new JmhJson();
        for (int round = 0; round < 5; round++) {
            noGc.cell(INSERT, JmhJson.params("framework", "jdbc"), FORKS);
        }
        Path withoutGc = dir.resolve("nogc");
        JmhJson one = new JmhJson();
        one.cell(INSERT, JmhJson.params("framework", "jdbc"), FORKS);
        one.writeFolder(withoutGc, env("insert"));
        assertRefused(paging, withoutGc, "metrics [gc.alloc.rate.norm] in the first and [] in the second");

        JmhJson three = new JmhJson();
        JmhJson.secondary(three.cell(INSERT, JmhJson.params("framework", "jdbc"), FORKS[0], FORKS[1], FORKS[2]),
                "gc.alloc.rate.norm", "B/op", 2);
        assertRefused(paging, three.writeFolder(dir.resolve("three"), env("insert")), "[5] forks in the first and [3]");
    }

    private static final double[][] FORKS = {{10}, {11}, {12}, {13}, {14}};
    private static final String INSERT = "io.batchbench.benchmark.insert.InsertBenchmark.insert";

    /** A rounds shard: 5 forks of one cell with allocation, the env of one CI job. */
    private Path shard(String name, String benchmark, ObjectNode env) throws IOException {
        JmhJson run = new JmhJson();
        JmhJson.secondary(run.cell(benchmark, JmhJson.params("framework", "jdbc"), FORKS), "gc.alloc.rate.norm", "B/op", 2);
        return run.writeFolder(dir.resolve(name), env);
    }

    private static ObjectNode env(String family) {
        ObjectNode env = JmhJson.env("18.6", "7.4");
        env.put("runId", "shard-" + family);
        env.putArray("jmhArguments").add(family).add("-prof").add("gc").add("-rff").add(family + ".json");
        env.putArray("notApplicable").addObject().put("benchmark", family).put("reason", "for the test")
                .putObject("params").put("framework", "mybatis");
        env.putObject("rounds").put("completed", 5).put("planned", 5).put("seed", 1);
        return env;
    }

    private void assertRefused(Path a, Path b, String message) {
        Path out = dir.resolve("refused");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Tools.run("merge", "-o", out.toString(), a.toString(), b.toString())).isEqualTo(ExitCode.UNUSABLE);
        } finally {
            System.setErr(saved);
        }
        String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(said).contains(message).contains("refusing to merge");
        assertThat(said.strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesTheSameCellMeasuredWithOtherSettings() throws IOException {
        JmhJson a = new JmhJson();
        a.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10});
        JmhJson b = new JmhJson();
        b.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10, 11});
        Path first = a.writeFolder(dir.resolve("a"), null);
        Path second = b.writeFolder(dir.resolve("b"), null);
        assertThatThrownBy(() -> RunMerger.merge(List.of(first, second), RunLocation.folder(dir.resolve("m"))))
                .isInstanceOf(UnusableInputException.class).hasMessageContaining("measurementIterations");
    }

    /** Rounds of one build: the pool's liveness check may show in one round's verbs and not another's. */
    @Test
    void auditsThatDifferOnlyInTheVerbsOfThePoolsLivenessCheckMergeAndOtherCountsDoNot() throws IOException {
        Path first = shard("r1", SCAN, env("paging"));
        Path second = shard("r2", SCAN, env("paging"));
        writeAudit(first, "{\"EMPTY\":1,\"SELECT\":1}", 1);
        writeAudit(second, "{\"SELECT\":1}", 1);
        assertThat(Tools.run("merge", "-o", dir.resolve("m1").toString(), first.toString(), second.toString()))
                .isEqualTo(ExitCode.PASS);
        writeAudit(second, "{\"SELECT\":2}", 2);
        assertRefused(first, second, "statements=1");
    }

    /** Workers that claim chunks from one queue: how many claims each makes varies from run to run. */
    @Test
    void auditsOfUnitsThatRaceForChunksMergeAsTheMostRoundTripsMarkedInconsistent() throws IOException {
        Path first = shard("r1", SCAN, env("paging"));
        Path second = shard("r2", SCAN, env("paging"));
        writeAudit(first, "{\"SELECT\":106}", 106, true);
        writeAudit(second, "{\"SELECT\":110}", 110, true);
        Path merged = dir.resolve("m2");
        assertThat(Tools.run("merge", "-o", merged.toString(), first.toString(), second.toString()))
                .isEqualTo(ExitCode.PASS);
        JsonNode cell = new ObjectMapper().readTree(merged.resolve("audit.json").toFile()).path("cells").get(0);
        assertThat(cell.path("roundTrips").asLong()).isEqualTo(110);
        assertThat(cell.path("consistent").asBoolean(true)).isFalse();
    }

    private static void writeAudit(Path run, String verbs, int statements) throws IOException {
        writeAudit(run, verbs, statements, false);
    }

    private static void writeAudit(Path run, String verbs, int statements, boolean raced) throws IOException {
        Files.writeString(run.resolve("audit.json"), "{\"cells\":[{\"benchmark\":\"" + SCAN + "\",\"params\":"
                + "{\"framework\":\"jdbc\"},\"rows\":100,\"statements\":" + statements + ",\"roundTrips\":"
                + statements + ",\"commits\":0,\"statementsPer1000Rows\":" + statements * 10.0
                + ",\"roundTripsPer1000Rows\":" + statements * 10.0 + ",\"statementsByVerb\":" + verbs
                + ",\"raced\":" + raced + "}]}");
    }
}
