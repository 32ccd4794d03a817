package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.batchbench.fixtures.PostgresProcesses;

/** Bad input ends the run within seconds with one message that says what is wrong and what is valid. */
class LauncherBadInputIT {

    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final String SECRET = "s3cret-Pa55word";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "-p {0}")
    @CsvSource(delimiter = '|', value = {
            "framework=hibrenate | unknown framework 'hibrenate'; valid values: jdbc, hibernate, jooq, mybatis",
            "strategy=cursr      | unknown strategy 'cursr'; valid values: offset, keyset, cursor, row, batch, multirow, copy, dirtyCheck, projection, bulk, values",
            "commitEvery=0       | commitEvery must be a number of rows of at least 1 or 'all', got '0'",
            "commitEvery=most    | commitEvery must be a number of rows of at least 1 or 'all', got 'most'",
            "chunkSize=0         | chunkSize must be at least 1, got 0",
            "tableRows=-1        | tableRows must be at least 1, got -1",
            "synchronousCommit=maybe | unknown synchronousCommit 'maybe'; valid values: on, off",
            "statusIndex=yes     | statusIndex must be true or false, got 'yes'",
            "rows=0              | rows must be at least 1, got 0",
            "pageSize=-5         | pageSize must be at least 1, got -5",
            "rows=ten            | rows must be a whole number, got 'ten'",
            "depth=-1            | depth must be 0 or more, got -1",
            "frameworks=jdbc     | unknown parameter 'frameworks' in -p frameworks=jdbc; the benchmarks declare: chunkSize, commitEvery, depth, framework, pageSize, rows, statusIndex, strategy, synchronousCommit, tableRows"})
    void anInvalidParameterIsRefusedBeforeAnythingStarts(String parameter, String message) throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), "FullScan", "-p", parameter);

        assertThat(jar.exitCode(QUICK)).isEqualTo(2);
        assertThat(jar.output()).contains("batchbench: " + message).doesNotContain("Exception");
    }

    @Test
    void aMalformedJmhOptionIsReportedAsSuch() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(), "-bm", "fastest");

        assertThat(jar.exitCode(QUICK)).isEqualTo(2);
        assertThat(jar.output()).contains("batchbench: ").contains("fastest").contains("-h lists the options");
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

    @Test
    void aDepthPastTheEndOfTheTableFailsTheRunWithItsReason() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "PageAtDepth", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc", "-p", "strategy=offset", "-p", "rows=1000", "-p", "depth=5000");

        assertThat(jar.exitCode(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(jar.output()).contains("depth 5000 is outside the 1000-row table; choose a depth from 0 to 999")
                .contains("batchbench: the run failed");
        assertThat(jar.databasePort()).as("the launcher's database line").isPositive();
        assertThat(PostgresProcesses.on(jar.databasePort())).as("postgres processes left behind").isZero();
    }

    @Test
    void anUpdateOfMoreRowsThanTheTableHoldsFailsTheRunWithItsReason() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "UpdateBenchmark", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc", "-p", "strategy=bulk", "-p", "rows=5000", "-p", "tableRows=1000");

        assertThat(jar.exitCode(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(jar.output()).contains("rows (5000) must not exceed tableRows (1000)")
                .contains("batchbench: the run failed");
    }

    @Test
    void cursorIsNotAStrategyForOnePage() throws Exception {
        JarProcess jar = JarProcess.start(workDir, Map.of(),
                "PageAtDepth", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "framework=jdbc", "-p", "strategy=cursor", "-p", "rows=1000", "-p", "depth=0");

        assertThat(jar.exitCode(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(jar.output()).contains("unknown page strategy 'cursor'; valid values: offset, keyset");
    }
}
