package io.batchbench.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.JmhJson;
import io.batchbench.tools.run.RunReader;

/** The gate per metric: each work metric a family with its own minimum effect, required metrics refused when missing. */
class GateMetricsTest {

    private static final String INSERT = "io.batchbench.benchmark.insert.InsertBenchmark.insert";
    private static final double[][] FORKS = {{100}, {101}, {99}, {100.5}, {99.5}, {100.2}, {99.8}, {100.1}, {99.9}, {100.3}};

    @TempDir
    Path dir;

    /** Ten forks of two cells; the time is the same on both sides, each work metric the primary × its factor. */
    private Path run(String name, Map<String, Double> work) throws IOException {
        JmhJson run = new JmhJson();
        for (String framework : List.of("jdbc", "jooq")) {
            var cell = run.cell(INSERT, JmhJson.params("framework", framework), FORKS);
            work.forEach((metric, factor) -> JmhJson.secondary(cell, metric,
                    metric.startsWith("cpu") ? "us/op" : "B/op", framework.equals("jooq") ? factor : 1));
        }
        return run.writeFolder(dir.resolve(name), JmhJson.env("18.6", "7.4"));
    }

    @Test
    void moreWalIsARegressionOfItsOwnWhileTimeIsUnchanged() throws IOException {
        Path baseline = run("a", Map.of("wal.bytes", 1.0, "gc.alloc.rate.norm", 1.0));
        Path candidate = run("b", Map.of("wal.bytes", 1.05, "gc.alloc.rate.norm", 1.02));
        Gate.Verdict verdict = new Gate(Gate.Policy.of(GateConfig.defaults(), null, null, LocalDate.of(2026, 12, 3)))
                .check(RunReader.read(baseline), RunReader.read(candidate));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(verdict.regressions()).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo("wal.bytes");
            assertThat(f.key().params()).containsEntry("framework", "jooq");
            assertThat(f.minEffect()).isEqualTo(0.03);
        });
        // allocation moved by 2 %, significantly, but below its 3 % minimum effect
        assertThat(verdict.findings()).filteredOn(f -> f.metric().equals("gc.alloc.rate.norm")
                && f.key().params().get("framework").equals("jooq"))
                .singleElement().satisfies(f -> assertThat(f.note()).contains("below the minimum effect"));
        assertThat(verdict.findings()).extracting(Gate.Finding::metric).containsOnly("time", "wal.bytes",
                "gc.alloc.rate.norm");
    }

    @Test
    void theConfigsMetricsAreTheOnesTestedWithTheirOwnMinimumEffects() throws IOException {
        Path baseline = run("a", Map.of("wal.bytes", 1.0));
        Path candidate = run("b", Map.of("wal.bytes", 1.05));
        Path config = Files.writeString(dir.resolve("gate.json"), "{\"metrics\": {\"wal.bytes\": 10}}");
        assertThat(Tools.run("check", "--config", config.toString(), baseline.toString(), candidate.toString()))
                .isEqualTo(ExitCode.PASS);
    }

    @Test
    void aRequiredMetricMissingInOneRunIsUnusableInput() throws IOException {
        Path baseline = run("a", Map.of("wal.bytes", 1.0, "cpu.client", 1.0));
        Path candidate = run("b", Map.of("wal.bytes", 1.0));
        Path config = Files.writeString(dir.resolve("gate.json"), "{\"metrics\": {\"wal.bytes\": 3, \"cpu.client\": 5}}");
        Path summary = dir.resolve("summary.md");
        assertThat(Tools.run("check", "--config", config.toString(), "--summary", summary.toString(),
                baseline.toString(), candidate.toString())).isEqualTo(ExitCode.UNUSABLE);
        assertThat(summary).doesNotExist();
        // without the requirement, the metric only one run has is not tested and the summary says so
        Gate.Verdict verdict = new Gate(Gate.Policy.of(GateConfig.defaults(), null, null, LocalDate.of(2026, 12, 3)))
                .check(RunReader.read(baseline), RunReader.read(candidate));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(verdict.notTested()).singleElement().asString().startsWith("cpu.client not tested");
    }

    @Test
    void aRegressionFlaggedInAMetricTheConfirmationRunsLackCannotBeDecided() throws IOException {
        Path baseline = run("a", Map.of("wal.bytes", 1.0));
        Path candidate = run("b", Map.of("wal.bytes", 1.05));
        Path confirmBaseline = run("c", Map.of());
        Path confirmCandidate = run("d", Map.of());
        Gate.Verdict verdict = new Gate(Gate.Policy.of(GateConfig.defaults(), null, null, LocalDate.of(2026, 12, 3)))
                .check(RunReader.read(baseline), RunReader.read(candidate), RunReader.read(confirmBaseline),
                        RunReader.read(confirmCandidate));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.UNUSABLE);
        assertThat(verdict.problems()).singleElement().asString().contains("flagged in wal.bytes");
    }

    @Test
    void aNegativeMinimumEffectForAMetricIsABadConfig() throws IOException {
        Path baseline = run("a", Map.of("wal.bytes", 1.0));
        Path config = Files.writeString(dir.resolve("gate.json"), "{\"metrics\": {\"wal.bytes\": -3}}");
        assertThat(Tools.run("check", "--config", config.toString(), baseline.toString(), baseline.toString()))
                .isEqualTo(ExitCode.UNUSABLE);
    }
}
