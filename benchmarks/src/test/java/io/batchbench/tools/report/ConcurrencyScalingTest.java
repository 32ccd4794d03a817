package io.batchbench.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.Tools;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.JmhJson;

/**
 * The concurrent family's report: rows/s over workers per framework × split × executor, the speed-up
 * over one worker, and the cores the JVM and the backends kept busy.
 */
class ConcurrencyScalingTest {

    private static final String JOB = "io.batchbench.benchmark.concurrent.ConcurrentJobBenchmark.concurrentJob";
    private static final int ROWS = 10_000;

    @TempDir
    Path dir;

    @Test
    void showsRowsPerSecondOverWorkersTheSpeedUpOverOneWorkerAndTheCoresBusy() throws IOException {
        JmhJson run = new JmhJson();
        // platform: 1 s at one worker, 0.5 s at 4, 0.4 s at 16; virtual the same, 10 % slower.
        Map<String, Double> seconds = Map.of("1", 1.0, "4", 0.5, "16", 0.4);
        for (String executor : List.of("platform", "virtual")) {
            for (String workers : List.of("1", "4", "16")) {
                double micros = seconds.get(workers) * 1e6 * (executor.equals("virtual") ? 1.1 : 1.0);
                Map<String, String> params = JmhJson.params("framework", "jdbc", "split", "range", "executor", executor,
                        "workers", workers, "pool", "workers", "chunkSize", "1000", "rows", "50000", "rtt", "0");
                ObjectNode cell = run.cell(JOB, params, new double[] {micros}, new double[] {micros});
                JmhJson.secondary(cell, "rows", "us/op", 1.0 / ROWS);
                if (executor.equals("platform")) {
                    // The JVM on CPU for 30 % of the operation, the backends for 90 %.
                    JmhJson.secondary(cell, "cpu.client", "us/op", 0.3);
                    JmhJson.secondary(cell, "cpu.server", "us/op", 0.9);
                }
            }
        }
        Path folder = run.writeFolder(dir.resolve("run"), JmhJson.env("18.6", "7.4.6.Final"));

        assertThat(Tools.run("report", folder.toString())).isZero();

        String report = Files.readString(folder.resolve("REPORT.md"));
        assertThat(report).contains("### ConcurrentJobBenchmark.concurrentJob, rows/s over workers, chunkSize=1000"
                + " pool=workers rows=50000 rtt=0");
        assertThat(report).contains("| jdbc range platform | 1 | " + Numbers.format(10_000) + " | " + Numbers.times(1)
                        + " | 0.30 | 0.90 |")
                .contains("| jdbc range platform | 4 | " + Numbers.format(20_000) + " | " + Numbers.times(2) + " | 0.30 | 0.90 |")
                .contains("| jdbc range platform | 16 | " + Numbers.format(25_000) + " | " + Numbers.times(2.5)
                        + " | 0.30 | 0.90 |")
                .contains("| jdbc range virtual | 16 | " + Numbers.format(10_000 / 0.44) + " | " + Numbers.times(2.5)
                        + " |  |  |")
                .contains("JVM cores and backend cores: the CPU time");
        // The job splits instead of having a strategy: no empty strategy is named anywhere.
        assertThat(report).contains("**Winner:** `jdbc`, ").doesNotContain("``");
        assertThat(Files.readString(folder.resolve("charts/concurrentjobbenchmark-concurrentjob-chunksize-1000-pool-"
                + "workers-rows-50000-rtt-0-over-workers.svg"))).contains(">jdbc range virtual<").contains("workers");
    }
}
