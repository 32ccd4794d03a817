package io.batchbench.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.JmhJson;

class PairedRatiosTest {

    private static final String SCAN = "io.batchbench.benchmark.paging.FullScanBenchmark.fullScan";
    /** A machine whose speed drifts by ±30 % from round to round. */
    private static final double[] DRIFT = {1.0, 1.3, 0.8, 1.5, 1.1};

    @TempDir
    Path dir;

    /** Hibernate takes 1.6 times JDBC's time in every round, give or take 1 %: the drift cancels in the ratio. */
    private Path run(boolean rounds) throws IOException {
        JmhJson run = new JmhJson();
        double[][] jdbc = new double[DRIFT.length][];
        double[][] hibernate = new double[DRIFT.length][];
        double[][] offset = new double[DRIFT.length][];
        for (int round = 0; round < DRIFT.length; round++) {
            jdbc[round] = new double[] {20_000 * DRIFT[round]};
            hibernate[round] = new double[] {20_000 * DRIFT[round] * (1.6 + (round - 2) * 0.004)};
            offset[round] = new double[] {20_000 * DRIFT[round] * (3.0 + (round - 2) * 0.01)};
        }
        run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", "keyset", "rows", "1000"), jdbc);
        run.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "keyset", "rows", "1000"), hibernate);
        run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", "offset", "rows", "1000"), offset);
        ObjectNode env = JmhJson.env("18.6", "7.4");
        if (rounds) {
            env.putObject("rounds").put("completed", 5).put("planned", 5).put("seed", 1);
        }
        return run.writeFolder(dir.resolve(rounds ? "rounds" : "forks"), env);
    }

    @Test
    void ratiosPairedRoundByRoundAreNarrowWhereTheMeansDrift() throws IOException {
        Path folder = run(true);
        assertThat(Tools.run("report", folder.toString())).isZero();
        String report = Files.readString(folder.resolve("REPORT.md"));
        assertThat(report).contains("paired round by round over 5 rounds")
                .contains("| `hibernate` ÷ `jdbc`, `keyset` | 1.60× [1.59, 1.61] | 93.8 % | 5 |")
                .contains("| `jdbc`: `keyset` ÷ `offset` | 0.33× [0.33, 0.34] | 93.8 % | 5 |");
        // findings come first, then the contents, and the environment last
        assertThat(report.indexOf("## Findings")).isLessThan(report.indexOf("## Contents"));
        assertThat(report.indexOf("## Contents")).isLessThan(report.indexOf("## FullScanBenchmark.fullScan"));
        assertThat(report.indexOf("## Environment")).isGreaterThan(report.indexOf("## FullScanBenchmark.fullScan"));
        assertThat(report).contains("- `hibernate` ÷ `jdbc`: 1.60× [1.59, 1.61] (`keyset`, [rows=1000 rtt=0]"
                + "(#fullscanbenchmarkfullscan-rows1000-rtt0))");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("<h3 id=\"fullscanbenchmarkfullscan-rows1000-rtt0\">")
                .contains("<a href=\"#fullscanbenchmarkfullscan-rows1000-rtt0\">rows=1000 rtt=0</a>");

        List<String> csv = Files.readAllLines(folder.resolve("ratios.csv"));
        assertThat(csv.get(0)).isEqualTo("benchmark,kind,framework,rows,rtt,strategy,reference_framework,"
                + "reference_strategy,pairs,median_time_ratio,low,high,coverage");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith(SCAN + ",framework,hibernate,1000,0,keyset,jdbc,keyset,5,1.6,")
                .endsWith(",0.9375");
    }

    @Test
    void aRunWithoutJdbcComparesWithTheFirstDeclaredFrameworkItHas() throws IOException {
        JmhJson run = new JmhJson();
        double[][] hibernate = new double[DRIFT.length][];
        double[][] springdata = new double[DRIFT.length][];
        for (int round = 0; round < DRIFT.length; round++) {
            hibernate[round] = new double[] {30_000 * DRIFT[round]};
            springdata[round] = new double[] {30_000 * DRIFT[round] * 1.1};
        }
        run.cell(SCAN, JmhJson.params("framework", "springdata", "strategy", "keyset", "rows", "1000"), springdata);
        run.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "keyset", "rows", "1000"), hibernate);
        ObjectNode env = JmhJson.env("18.6", "7.4");
        env.putObject("rounds").put("completed", 5).put("planned", 5).put("seed", 1);
        Path folder = run.writeFolder(dir.resolve("orm"), env);

        assertThat(Tools.run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("REPORT.md")))
                .contains("| `springdata` ÷ `hibernate`, `keyset` | 1.10× [1.10, 1.10] |")
                .doesNotContain("`hibernate` ÷ `springdata`");
    }

    @Test
    void aRunOfForksIsPairedByForkIndexAndSaysSo() throws IOException {
        Path folder = run(false);
        assertThat(Tools.run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("REPORT.md")))
                .contains("paired by fork index (not a rounds run) over 5 forks")
                .contains("fork by fork (this run was not made in rounds");
    }

    /** The forks the host took 5 % or more from are counted in the findings and named per cell in results.csv. */
    @Test
    void theFindingsCountTheForksTheHostStoleFrom() throws IOException {
        JmhJson run = new JmhJson();
        ObjectNode jdbc = run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", "keyset"),
                new double[] {100}, new double[] {130}, new double[] {80}, new double[] {150}, new double[] {110});
        ObjectNode hibernate = run.cell(SCAN, JmhJson.params("framework", "hibernate", "strategy", "keyset"),
                new double[] {160}, new double[] {208}, new double[] {128}, new double[] {240}, new double[] {176});
        ((ObjectNode) jdbc.get("secondaryMetrics")).set("host.steal", JmhJson.metric("%",
                new double[] {0.5}, new double[] {1}, new double[] {12}, new double[] {0.2}, new double[] {2}));
        ((ObjectNode) hibernate.get("secondaryMetrics")).set("host.steal", JmhJson.metric("%",
                new double[] {0.1}, new double[] {0.3}, new double[] {0.4}, new double[] {6}, new double[] {0.2}));
        Path folder = run.writeFolder(dir.resolve("steal"), JmhJson.env("18.6", "7.4"));

        assertThat(Tools.run("report", folder.toString())).isZero();
        assertThat(Files.readString(folder.resolve("REPORT.md")))
                .contains("0.450 % in the median fork, 12 % at most; 2 of 10 forks (in 2 of 2 cells) at 5 % or more");
        List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(csv.get(0)).endsWith(",host_steal_pct,host_steal_max_fork_pct");
        assertThat(csv).anySatisfy(line -> assertThat(line).contains(",jdbc,").containsPattern(",3\\.1\\d*,12\\.0$"));
    }
}
