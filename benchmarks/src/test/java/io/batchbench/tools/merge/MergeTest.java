package io.batchbench.tools.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
                .hasMessageContaining("environments differ").hasMessageContaining("postgres.settings.server_version: 18.6 vs 17.2");
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
}
