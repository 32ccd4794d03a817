package io.batchbench.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.batchbench.tools.doc.MarkdownRenderer;
import io.batchbench.tools.run.JmhJson;
import io.batchbench.tools.run.RunReader;

class CompareTest {

    private static final String SCAN = "io.batchbench.benchmark.paging.FullScanBenchmark.fullScan";

    @TempDir
    Path dir;

    private static double[][] forks(double value, double... noise) {
        double[][] forks = new double[noise.length][];
        for (int i = 0; i < noise.length; i++) {
            forks[i] = new double[] {value * (1 + noise[i])};
        }
        return forks;
    }

    @Test
    void benchstatTableWithSignificanceGeomeanAndEnvironmentFirst() throws IOException {
        double[] noise = {0, 0.01, -0.01, 0.02, -0.02, 0.005};
        JmhJson a = new JmhJson();
        a.cell(SCAN, JmhJson.params("framework", "jdbc"), forks(100, noise));
        a.cell(SCAN, JmhJson.params("framework", "jooq"), forks(200, noise));
        a.cell(SCAN, JmhJson.params("framework", "mybatis"), forks(300, noise));
        JmhJson b = new JmhJson();
        b.cell(SCAN, JmhJson.params("framework", "jdbc"), forks(150, noise));
        b.cell(SCAN, JmhJson.params("framework", "jooq"), forks(200, 0.003, -0.004, 0.012, -0.011, 0.0, 0.02));
        b.cell(SCAN, JmhJson.params("framework", "hibernate"), forks(400, noise));

        String markdown = MarkdownRenderer.render(Comparison.build(
                RunReader.read(a.writeFolder(dir.resolve("a"), JmhJson.env("18.6", "7.4.6.Final"))),
                RunReader.read(b.writeFolder(dir.resolve("b"), JmhJson.env("17.2", "7.3.0.Final")))));

        assertThat(markdown.indexOf("⚠ The environments differ")).isLessThan(markdown.indexOf("FullScanBenchmark.fullScan"));
        assertThat(markdown).contains("| `postgres.settings.server_version` | 18.6 | 17.2 |")
                .contains("| `versions.hibernate` | 7.4.6.Final | 7.3.0.Final |");
        // A run without the rtt parameter connected directly: its cells are read as rtt=0.
        assertThat(markdown).contains("| framework=jdbc rtt=0 | 100 | 150 | +50.0% | 0.002 | 6 / 6 |");
        assertThat(markdown).containsPattern("\\| framework=jooq rtt=0 \\| 200 \\| 200 \\| ~ \\| 0\\.\\d+ \\| 6 / 6 \\|");
        assertThat(markdown).contains("| **geomean** | 142 | 174 | +22.4% |");
        assertThat(markdown).contains("## Only in A (1)").contains("framework=mybatis")
                .contains("## Only in B (1)").contains("framework=hibernate");
        assertThat(markdown).doesNotContain("measurement settings differ");
    }

    @Test
    void otherMeasurementSettingsAreShownAndManyMissingCellsCounted() throws IOException {
        JmhJson reference = new JmhJson();
        reference.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {100, 101, 99}, new double[] {102, 98, 100});
        for (int rows = 1; rows <= 12; rows++) {
            reference.cell("io.batchbench.benchmark.insert.InsertBenchmark.insert",
                    JmhJson.params("rows", String.valueOf(rows)), new double[] {5}, new double[] {6});
        }
        JmhJson mine = new JmhJson();
        mine.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {100}, new double[] {101});

        String markdown = MarkdownRenderer.render(Comparison.build(
                RunReader.read(reference.writeFolder(dir.resolve("reference"), JmhJson.env("18.6", "7.4.6.Final"))),
                RunReader.read(mine.writeFolder(dir.resolve("mine"), JmhJson.env("18.6", "7.4.6.Final")))));

        assertThat(markdown.indexOf("⚠ The measurement settings differ"))
                .isPositive().isLessThan(markdown.indexOf("## FullScanBenchmark.fullScan"));
        assertThat(markdown).contains("| 1 | warm-up 1 × 1 s, measurement 3 × 1 s, threads 1 "
                + "| warm-up 1 × 1 s, measurement 1 × 1 s, threads 1 |");
        assertThat(markdown).contains("## Only in A (12)").contains("- `InsertBenchmark.insert`: 12 cells")
                .doesNotContain("rows=12");
    }

    /** A run made before a benchmark class moved to another package still compares cell by cell. */
    @Test
    void cellsMatchOnClassAndMethodWhateverThePackage() throws IOException {
        double[] noise = {0, 0.01, -0.01, 0.02, -0.02};
        JmhJson before = new JmhJson();
        before.cell("io.batchbench.workload.paging.FullScanBenchmark.fullScan", JmhJson.params("framework", "jdbc"),
                forks(100, noise));
        JmhJson after = new JmhJson();
        after.cell(SCAN, JmhJson.params("framework", "jdbc"), forks(150, noise));

        String markdown = MarkdownRenderer.render(Comparison.build(
                RunReader.read(before.writeFolder(dir.resolve("before"), JmhJson.env("18.6", "7.4.6.Final"))),
                RunReader.read(after.writeFolder(dir.resolve("after"), JmhJson.env("18.6", "7.4.6.Final")))));

        assertThat(markdown).contains("| framework=jdbc rtt=0 | 100 | 150 | +50.0% |").doesNotContain("Only in");
    }

    /** A run made before the rtt parameter existed measured a direct connection: it compares with rtt=0, and only with it. */
    @Test
    void aRunWithoutRttComparesWithTheDirectCellsOfANewerRun() throws IOException {
        double[] noise = {0, 0.01, -0.01, 0.02, -0.02};
        JmhJson before = new JmhJson();
        before.cell(SCAN, JmhJson.params("framework", "jdbc"), forks(100, noise));
        JmhJson after = new JmhJson();
        after.cell(SCAN, JmhJson.params("framework", "jdbc", "rtt", "0"), forks(101, noise));
        after.cell(SCAN, JmhJson.params("framework", "jdbc", "rtt", "0.5"), forks(300, noise));

        String markdown = MarkdownRenderer.render(Comparison.build(
                RunReader.read(before.writeFolder(dir.resolve("before"), JmhJson.env("18.6", "7.4.6.Final"))),
                RunReader.read(after.writeFolder(dir.resolve("after"), JmhJson.env("18.6", "7.4.6.Final")))));

        assertThat(markdown).contains("| framework=jdbc rtt=0 | 100 | 101 |").doesNotContain("Only in A")
                .contains("## Only in B (1)").contains("framework=jdbc rtt=0.5");
    }

    /**
     * The A/A figure: B's medians against A's intervals, per cell and per paired ratio. Hibernate's
     * keyset cell takes half as long again in B, so its time and both of its ratios fall outside.
     */
    @Test
    void reproducibilityCountsTheMediansOfBInsideTheIntervalsOfA() throws IOException {
        double[] noise = {0, 0.02, -0.02, 0.04, -0.04};
        JmhJson a = new JmhJson();
        JmhJson b = new JmhJson();
        for (JmhJson run : List.of(a, b)) {
            run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", "keyset"), forks(100, noise));
            run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", "offset"), forks(300, noise));
            run.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "offset"), forks(330, noise));
        }
        a.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "keyset"), forks(160, noise));
        b.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "keyset"), forks(240, noise));

        String markdown = MarkdownRenderer.render(Comparison.build(
                RunReader.read(a.writeFolder(dir.resolve("a"), JmhJson.env("18.6", "7.4.6.Final"))),
                RunReader.read(b.writeFolder(dir.resolve("b"), JmhJson.env("18.6", "7.4.6.Final")))));

        assertThat(markdown.indexOf("## Reproducibility")).isPositive()
                .isLessThan(markdown.indexOf("## FullScanBenchmark.fullScan"));
        assertThat(markdown).containsPattern("\\| time \\| 4 \\| 3 \\| 75 % \\| 8\\d\\.\\d % \\|")
                .containsPattern("\\| paired ratio, framework ÷ reference framework \\| 2 \\| 1 \\| 50 % \\| 8\\d\\.\\d % \\|")
                .contains("| paired ratio, strategy ÷ naive strategy | 2 | 1 | 50 % |")
                .doesNotContain("| allocation |");
    }
}
