package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input ends the run within seconds with one message that says what is wrong and what is valid. */
class LauncherBadInputIT {

    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final String SECRET = "s3cret-Pa55word";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0} -p {1}")
    @CsvSource(delimiterString = " | ", value = {
            "FullScan        | framework=hibrenate     | FullScanBenchmark: unknown framework 'hibrenate'; valid values: jdbc, hibernate, springdata, jooq, mybatis",
            "FullScan        | strategy=cursr          | FullScanBenchmark: unknown strategy 'cursr'; valid values: offset, keyset, cursor",
            "PageAtDepth     | strategy=cursor         | PageAtDepthBenchmark: unknown strategy 'cursor'; valid values: offset, keyset",
            "insert.InsertBenchmark | commitEvery=0           | commitEvery must be a number of rows of at least 1 or 'all', got '0'",
            "insert.InsertBenchmark | commitEvery=most        | commitEvery must be a number of rows of at least 1 or 'all', got 'most'",
            "insert.InsertBenchmark | synchronousCommit=maybe | InsertBenchmark: unknown synchronousCommit 'maybe'; valid values: on, off",
            "job.BatchJob | chunkSize=0             | chunkSize must be at least 1, got 0",
            "job.BatchJob | statusIndex=yes         | statusIndex must be true or false, got 'yes'",
            "UpdateBenchmark | tableRows=-1            | tableRows must be at least 1, got -1",
            "FullScan        | rows=0                  | rows must be at least 1, got 0",
            "FullScan        | pageSize=-5             | pageSize must be at least 1, got -5",
            "FullScan        | rows=ten                | rows must be a whole number, got 'ten'",
            "PageAtDepth     | depth=-1                | depth -1 is outside the 100000-row table; choose a depth from 0 to 99999",
            "FullScan        | rtt=-1                  | rtt must be a round-trip time in milliseconds from 0 (connect directly) to 1000, such as 0.5; got '-1'",
            "insert.InsertBenchmark | rtt=far          | rtt must be a round-trip time in milliseconds from 0 (connect directly) to 1000, such as 0.5; got 'far'",
            "job.BatchJob    | rtt=1001                | rtt must be a round-trip time in milliseconds from 0 (connect directly) to 1000, such as 0.5; got '1001'",
            "SeedWithCopy    | rtt=0.5ms               | rtt must be a round-trip time in milliseconds from 0 (connect directly) to 1000, such as 0.5; got '0.5ms'",
            "ConcurrentJob   | workers=0               | workers must be at least 1, got 0",
            "ConcurrentInsert | workers=-4             | workers must be at least 1, got -4",
            "ConcurrentJob   | executor=async          | ConcurrentJobBenchmark: unknown executor 'async'; valid values: platform, virtual, reactive",
            "ConcurrentJob   | split=offset            | ConcurrentJobBenchmark: unknown split 'offset'; valid values: range, skipLocked, bulk",
            "ConcurrentJob   | pool=many               | pool must be 'workers' or a number of connections, got 'many'",
            "NoSuchBenchmark | rows=10                 | no benchmark matches NoSuchBenchmark (java -jar benchmarks.jar -l lists them)",
            "FullScan        | depth=10                | unknown parameter 'depth' in -p depth=10; the selected benchmarks declare: framework, pageSize, rows, rtt, strategy"})
    void anInvalidParameterIsRefusedBeforeAnythingStarts(String selection, String parameter, String message) throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), selection, "-p", parameter);

        assertThat(jar.exitCode(QUICK)).isEqualTo(2);
        assertThat(jar.output()).contains(message).startsWith("batchbench: ").doesNotContain("Exception")
                .doesNotContain("database");
    }

    /** Each of these used to start a database, seed it and fail minutes later at the first cell that met it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", value = {
            "FullScan|job.BatchJob | -p strategy=offset,bulk                                          | FullScanBenchmark: unknown strategy 'bulk'; valid values: offset, keyset, cursor",
            "insert.InsertBenchmark | -p framework=jooq -p strategy=batch -p commitEvery=1500 -p rows=3000 | jOOQ's Loader commits after whole batches of 1000 rows, so it cannot commit every 1500 rows: use a commitEvery of at most 1000, a multiple of it, or all",
            "PageAtDepth        | -p rows=1000 -p depth=0,5000                                     | depth 5000 is outside the 1000-row table; choose a depth from 0 to 999",
            "UpdateBenchmark    | -p rows=5000 -p tableRows=1000                                   | rows (5000) must not exceed tableRows (1000)",
            "ConcurrentInsert   | -p workers=4 -p pool=2                                           | pool 2 is smaller than workers=4: every unit in flight needs a connection of its own; leave pool at 'workers'",
            "FullScan           | --shuffle soon                                                   | --shuffle needs a seed, a whole number, got 'soon'",
            "FullScan           | -jvm /no/such/jdk/bin/java                                       | -jvm /no/such/jdk/bin/java cannot be run ("})
    void aCombinationOneBenchmarkCannotRunIsRefusedBeforeAnythingStarts(String selection, String parameters,
                                                                         String message) throws Exception {
        List<String> args = new ArrayList<>(List.of(selection));
        args.addAll(List.of(parameters.split(" ")));

        JarProcess jar = JarProcess.start(workDir, Map.of(), args.toArray(String[]::new));

        assertThat(jar.exitCode(QUICK)).isEqualTo(2);
        assertThat(jar.output()).startsWith("batchbench: ").contains(message).doesNotContain("Exception")
                .doesNotContain("database");
        assertThat(jar.output().strip().lines()).as("one line").hasSize(1);
    }

    @Test
    void aMalformedJmhOptionIsReportedAsSuch() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), "-bm", "fastest");

        assertThat(jar.exitCode(QUICK)).isEqualTo(2);
        assertThat(jar.output()).contains("batchbench: ").contains("fastest").contains("-h lists the options");
    }

    /** Needs the server to know its max_connections, so a database starts; nothing else does. */
    @Test
    void moreWorkersThanTheServerHasConnectionsForIsRefusedWithOneLine() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), "ConcurrentJob", "-p", "framework=jdbc", "-p",
                "workers=1000");

        assertThat(jar.exitCode(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(jar.output()).contains("batchbench: the largest cell holds up to 2002 connections")
                .contains("lower workers with -p, or raise max_connections").doesNotContain("Exception");
    }

    @Test
    void anUnreachableDatabaseFailsWithinTenSecondsNamingTheUrlButNotThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        JarProcess jar = JarProcess.start(workDir, Map.of(
                "BATCHBENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres",
                "BATCHBENCH_JDBC_USER", "bob",
                "BATCHBENCH_JDBC_PASSWORD", SECRET), "FullScan");

        assertThat(jar.exitCode(QUICK)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(jar.output())
                .contains("Cannot connect to the external PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
                .doesNotContain(SECRET)
                .doesNotContain("Exception");
    }
}
