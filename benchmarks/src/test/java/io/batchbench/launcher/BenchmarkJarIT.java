package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.batchbench.fixtures.LocalPostgres;
import io.batchbench.fixtures.PostgresProcesses;
import io.batchbench.trial.Frameworks;
import io.batchbench.workload.Params;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.job.JobStrategy;
import io.batchbench.workload.paging.PageStrategy;
import io.batchbench.workload.paging.ScanStrategy;
import io.batchbench.workload.update.UpdateStrategy;

/**
 * The shaded jar, run as users run it. The smoke test runs every benchmark once with minimal
 * settings, so a broken benchmark, a wrong result or a failed hand-off fails the build.
 */
class BenchmarkJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    /**
     * Every benchmark but the concurrent family, whose full matrix (framework × strategy or split ×
     * executor × workers, 237 cells) would take this build past its hour; a few of its cells
     * run in {@link #concurrentCellsRunOnEveryExecutorAndAreAudited()}.
     */
    @Test
    void everyBenchmarkRunsOnceAndTheRunIsRecorded() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-e", "concurrent\\.",
                "-p", "rows=1000", "-p", "pageSize=100", "-p", "depth=0,900",
                "-p", "tableRows=2000", "-p", "chunkSize=50");

        assertThat(jar.exitCode(Duration.ofMinutes(30))).as(jar.output()).isZero();

        Path runDir = onlyRunDirectory();
        JsonNode results = JSON.readTree(runDir.resolve("jmh.json").toFile());
        Set<String> cells = new HashSet<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            cells.add(cell(benchmark, result.path("params")));
            assertThat(result.at("/primaryMetric/score").asDouble()).as(benchmark).isPositive();
            assertThat(result.at("/primaryMetric/rawData")).as(benchmark).isNotEmpty();
        }
        // Every framework × strategy the enums declare: a new one is expected here without listing it.
        List<String> expected = new ArrayList<>();
        List<String> workloads = new ArrayList<>();
        for (String framework : Params.labels(Frameworks.class)) {
            for (String strategy : Params.labels(ScanStrategy.class)) {
                workloads.add("FullScanBenchmark.fullScan " + framework + " " + strategy + " ");
            }
            for (String strategy : Params.labels(PageStrategy.class)) {
                workloads.add("PageAtDepthBenchmark.pageAtDepth " + framework + " " + strategy + " 0");
                workloads.add("PageAtDepthBenchmark.pageAtDepth " + framework + " " + strategy + " 900");
            }
            for (String strategy : Params.labels(InsertStrategy.class)) {
                for (String commitEvery : List.of("1", "100", "1000", "all")) {
                    workloads.add("InsertBenchmark.insert " + framework + " " + strategy + " " + commitEvery);
                }
            }
            for (String strategy : Params.labels(UpdateStrategy.class)) {
                workloads.add("UpdateBenchmark.update " + framework + " " + strategy + " ");
            }
            for (String strategy : Params.labels(JobStrategy.class)) {
                for (String statusIndex : List.of("true", "false")) {
                    workloads.add("BatchJobBenchmark.batchJob " + framework + " " + strategy + " " + statusIndex);
                }
            }
        }
        expected.addAll(workloads);
        expected.add("SeedWithCopyBenchmark.copyRows   ");
        expected.add("SeedWithCopyBenchmark.buildTemplate   ");
        expected.add("CloneTemplateBenchmark.cloneTemplate   ");
        assertThat(cells).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(results.size()).as("one result per cell").isEqualTo(expected.size());

        // Every workload cell was audited once (one fork), and every audit saw its statements.
        JsonNode audit = JSON.readTree(runDir.resolve("audit.json").toFile());
        Set<String> audited = new HashSet<>();
        for (JsonNode entry : audit.get("cells")) {
            String benchmark = entry.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            audited.add(cell(benchmark, entry.get("params")));
            assertThat(entry.get("statements").asLong()).as(entry.toString()).isPositive();
            assertThat(entry.get("roundTrips").asLong()).as(entry.toString()).isPositive();
            assertThat(entry.get("forks").asInt()).isEqualTo(1);
            assertThat(entry.get("consistent").asBoolean()).isTrue();
        }
        assertThat(audited).containsExactlyInAnyOrderElementsOf(workloads);

        JsonNode env = JSON.readTree(runDir.resolve("env.json").toFile());
        assertThat(env.at("/postgres/settings/fsync").asText()).isEqualTo("on");
        assertThat(env.at("/postgres/settings/synchronous_commit").asText()).isEqualTo("on");
        assertThat(env.at("/postgres/settings/full_page_writes").asText()).isEqualTo("on");
        assertThat(env.at("/versions/hibernate").asText()).isNotBlank();
        assertThat(env.at("/java/version").asText()).isNotBlank();
        assertThat(env.at("/runId").asText()).isEqualTo(runDir.getFileName().toString());
        assertThat(jar.databasePort()).as("the launcher's database line").isPositive();
        assertThat(PostgresProcesses.on(jar.databasePort())).as("postgres processes left behind").isZero();
    }

    /**
     * The concurrent family through the shaded jar: the job and the insert on virtual threads and on
     * the reactive stacks (Vert.x, Hibernate Reactive: their service files must survive the shade),
     * at two workers; each audited; a framework without a non-blocking stack recorded as no cell,
     * with its reason.
     */
    @Test
    void concurrentCellsRunOnEveryExecutorAndAreAudited() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "concurrent\\.", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc,hibernate,mybatis", "-p", "strategy=batch", "-p", "split=skipLocked",
                "-p", "executor=virtual,reactive", "-p", "workers=2", "-p", "rows=2000", "-p", "chunkSize=100");

        assertThat(jar.exitCode(Duration.ofMinutes(10))).as(jar.output()).isZero();

        Path runDir = onlyRunDirectory();
        Set<String> cells = new HashSet<>();
        for (JsonNode result : JSON.readTree(runDir.resolve("jmh.json").toFile())) {
            JsonNode params = result.path("params");
            cells.add(result.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1") + " "
                    + params.path("framework").asText() + " " + params.path("executor").asText());
            assertThat(result.at("/secondaryMetrics/chunk.p50/score").asDouble()).as(result.toString()).isPositive();
            assertThat(result.at("/secondaryMetrics/pool.size/score").asDouble()).isEqualTo(2.0);
        }
        assertThat(cells).containsExactlyInAnyOrder(
                "ConcurrentJobBenchmark.concurrentJob jdbc virtual", "ConcurrentJobBenchmark.concurrentJob jdbc reactive",
                "ConcurrentJobBenchmark.concurrentJob hibernate virtual",
                "ConcurrentJobBenchmark.concurrentJob hibernate reactive",
                "ConcurrentJobBenchmark.concurrentJob mybatis virtual",
                "ConcurrentInsertBenchmark.insert jdbc virtual", "ConcurrentInsertBenchmark.insert jdbc reactive",
                "ConcurrentInsertBenchmark.insert hibernate virtual",
                "ConcurrentInsertBenchmark.insert hibernate reactive",
                "ConcurrentInsertBenchmark.insert mybatis virtual");
        JsonNode audit = JSON.readTree(runDir.resolve("audit.json").toFile());
        assertThat(audit.get("cells")).hasSize(10);
        for (JsonNode entry : audit.get("cells")) {
            assertThat(entry.get("roundTrips").asLong()).as(entry.toString()).isPositive();
        }
        JsonNode notApplicable = JSON.readTree(runDir.resolve("env.json").toFile()).get("notApplicable");
        assertThat(notApplicable.toString()).contains("MyBatis has no non-blocking API");
    }

    /**
     * A database at a distance, end to end: each trial measures the round trip its relay adds, the
     * audit counts the same round trips at every rtt, every round trip costs at least the rtt, and
     * the report explains the difference and projects to another rtt.
     */
    @Test
    void aDistantDatabaseIsMeasuredAuditedTheSameAndReported() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), "FullScan", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc", "-p", "strategy=keyset", "-p", "rows=1000", "-p", "rtt=0,2");

        assertThat(jar.exitCode(Duration.ofMinutes(5))).as(jar.output()).isZero();
        Path runDir = onlyRunDirectory();
        Map<String, Double> measured = new HashMap<>();
        Map<String, Double> micros = new HashMap<>();
        for (JsonNode result : JSON.readTree(runDir.resolve("jmh.json").toFile())) {
            String rtt = result.at("/params/rtt").asText();
            measured.put(rtt, result.at("/secondaryMetrics/rtt.measured/score").asDouble(Double.NaN));
            micros.put(rtt, result.at("/primaryMetric/score").asDouble());
        }
        assertThat(measured).containsOnlyKeys("0", "2");
        assertThat(measured.get("0")).isZero();
        assertThat(measured.get("2")).as("rtt.measured at rtt=2").isGreaterThan(1.9).isLessThan(20.0);
        Map<String, Long> trips = new HashMap<>();
        for (JsonNode entry : JSON.readTree(runDir.resolve("audit.json").toFile()).get("cells")) {
            trips.put(entry.at("/params/rtt").asText(), entry.get("roundTrips").asLong());
        }
        assertThat(trips).containsOnlyKeys("0", "2");
        assertThat(trips.get("2")).as("the audit does not depend on the rtt").isEqualTo(trips.get("0")).isPositive();
        assertThat(micros.get("2")).as("µs per scan at rtt=2").isGreaterThan(trips.get("2") * 2_000.0);

        assertThat(io.batchbench.tools.Tools.run("report", "--rtt", "1", runDir.toString())).isZero();
        String report = Files.readString(runDir.resolve("REPORT.md"));
        assertThat(report).contains("### FullScanBenchmark.fullScan over rtt, pageSize=100 rows=1000")
                .contains("## Projection to rtt = 1 ms (not measured)");
        assertThat(runDir.resolve("charts/fullscanbenchmark-fullscan-pagesize-100-rows-1000-over-rtt.svg")).exists();
        assertThat(runDir.resolve("projection.csv")).exists();
    }

    @Test
    void onAnExternalServerTheRunDropsEverythingItCreated() throws Exception {
        assumeTrue(LocalPostgres.answers(), "No PostgreSQL answers at 127.0.0.1:5432: external-server run not tested here");
        String url = LocalPostgres.URL;
        Set<String> before = databases(url);
        JarProcess jar = JarProcess.start(workDir, Map.of("BATCHBENCH_JDBC_URL", url, "BATCHBENCH_JDBC_USER", "postgres"),
                "FullScan", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc", "-p", "strategy=keyset", "-p", "rows=500");

        assertThat(jar.exitCode(Duration.ofMinutes(3))).as(jar.output()).isZero();
        assertThat(jar.output()).contains("batchbench: database external PostgreSQL");
        assertThat(databases(url)).isEqualTo(before);
    }

    @Test
    void stoppingTheLauncherStopsItsForksAndItsServerAndKeepsTheCellsThatFinished() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "FullScan", "-f", "1", "-wi", "0", "-i", "2", "-r", "1s",
                "-p", "framework=jdbc,jooq", "-p", "strategy=offset", "-p", "rows=2000");
        awaitTrue(() -> jar.databasePort() > 0, Duration.ofSeconds(60), "no database line; output:\n" + jar.output());
        int port = jar.databasePort();
        awaitOutput(jar, "# batchbench cell 2 of 2", Duration.ofSeconds(90));
        awaitTrue(() -> jar.output().lastIndexOf("Iteration   1:") > jar.output().indexOf("# batchbench cell 2 of 2"),
                Duration.ofSeconds(60), "the second cell did not start measuring; output:\n" + jar.output());
        List<ProcessHandle> forks = jar.process.descendants().filter(p -> p.info().command()
                .map(command -> command.endsWith("java")).orElse(false)).toList();
        assertThat(forks).as("the JMH fork").isNotEmpty();
        int before = jar.output().length();

        jar.process.destroy(); // SIGTERM, as a CI job cancellation or kill sends; Ctrl-C runs the same hooks
        jar.exitCode(Duration.ofSeconds(30));

        awaitTrue(() -> forks.stream().noneMatch(ProcessHandle::isAlive) && PostgresProcesses.on(port) == 0,
                Duration.ofSeconds(30), "the fork and the embedded server should be gone; output:\n" + jar.output());
        String afterStop = jar.output().substring(before);
        assertThat(afterStop.lines().filter(line -> !line.startsWith("WARNING")).toList()).as(afterStop)
                .singleElement().asString().startsWith("batchbench: interrupted; kept the 1 of 2 cells that finished in ");
        Path run = onlyRunDirectory();
        assertThat(JSON.readTree(run.resolve("jmh.json").toFile())).as("the finished cell").hasSize(1);
        assertThat(JSON.readTree(run.resolve("env.json").toFile()).path("incomplete").asText())
                .isEqualTo("interrupted after 1 of 2 cells");
    }

    /** A cell as "Benchmark.method framework strategy depth|commitEvery|statusIndex": the params cells differ in here. */
    private static String cell(String benchmark, JsonNode params) {
        return benchmark + " " + params.path("framework").asText("") + " " + params.path("strategy").asText("")
                + " " + params.path("depth").asText(params.path("commitEvery").asText(params.path("statusIndex").asText("")));
    }

    private Path onlyRunDirectory() throws IOException {
        try (Stream<Path> runs = Files.list(workDir.resolve("results/runs"))) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }



    private static void awaitOutput(JarProcess jar, String text, Duration limit) throws InterruptedException {
        awaitTrue(() -> jar.output().contains(text), limit, "no '" + text + "'; output:\n" + jar.output());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration limit, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(200);
        }
    }


    private static Set<String> databases(String url) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
