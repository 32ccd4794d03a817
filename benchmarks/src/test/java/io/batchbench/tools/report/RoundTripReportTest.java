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
import io.batchbench.tools.run.JmhJson;

/**
 * What the report says about the rtt parameter: per cell measured at several rtts, the extra time
 * over rtt=0 beside its prediction from the audit, and time per row over rtt as a chart; with
 * {@code --rtt}, a projection of every audited cell, after and apart from every measured table.
 */
class RoundTripReportTest {

    private static final String INSERT = "io.batchbench.benchmark.insert.InsertBenchmark.insert";
    private static final String CLONE = "io.batchbench.benchmark.harness.CloneTemplateBenchmark.cloneTemplate";
    private static final Map<String, Double> MEASURED = Map.of("0", 0.0, "0.5", 0.55, "2", 2.1);
    private static final int ROWS = 500;

    @TempDir
    Path dir;

    /**
     * jdbc and hibernate × row and batch, at rtt 0, 0.5 and 2, two forks each: a per-row cell (501
     * round trips) whose extra time is 1.1 × its prediction, a batch (3 round trips) that is 1.0 ×.
     */
    private Path run(boolean audited) throws IOException {
        JmhJson run = new JmhJson();
        for (String framework : List.of("jdbc", "hibernate")) {
            for (String strategy : List.of("row", "batch")) {
                long trips = strategy.equals("row") ? 501 : 3;
                double base = (strategy.equals("row") ? 150_000 : 35_000) * (framework.equals("jdbc") ? 1 : 2);
                double excess = strategy.equals("row") ? 1.1 : 1.0;
                for (String rtt : List.of("0", "0.5", "2")) {
                    Map<String, String> params = JmhJson.params("framework", framework, "strategy", strategy,
                            "commitEvery", "all", "rows", String.valueOf(ROWS), "rtt", rtt, "synchronousCommit", "on");
                    double micros = base + trips * MEASURED.get(rtt) * 1000 * excess;
                    ObjectNode cell = run.cell(INSERT, params, new double[] {micros * 0.99}, new double[] {micros * 1.01});
                    JmhJson.secondary(cell, "rows", "us/op", 1.0 / ROWS);
                    ((ObjectNode) cell.get("secondaryMetrics")).set("rtt.measured",
                            JmhJson.metric("ms", new double[] {MEASURED.get(rtt)}, new double[] {MEASURED.get(rtt)}));
                    if (audited) {
                        run.audit(INSERT, params, ROWS, ROWS, trips);
                    }
                }
            }
        }
        for (String rtt : List.of("0", "2")) {
            run.cell(CLONE, "ss", "ms/op", JmhJson.params("rows", "1000", "rtt", rtt), new double[] {300});
        }
        return run.writeFolder(dir.resolve(audited ? "audited" : "unaudited"), JmhJson.env("18.6", "7.4.6.Final"));
    }

    @Test
    void cellsAtSeveralRttsShowTheirExtraTimeBesideWhatTheirRoundTripsPredict() throws IOException {
        Path run = run(true);
        assertThat(Tools.run("report", run.toString())).isZero();
        String report = Files.readString(run.resolve("REPORT.md"));

        assertThat(report).contains("### InsertBenchmark.insert over rtt, commitEvery=all rows=500 synchronousCommit=on");
        // jdbc row at rtt=2: measured (150,000 + 501 × 2,100 × 1.1) − 150,000 µs = 1,157 ms; predicted 501 × 2.1 = 1,052 ms.
        assertThat(report).contains("| jdbc | row | 2 | 2.10 | 501 | 1,157 ± ")
                .contains("| 1,052 | 1.10 |");
        assertThat(report).contains("| hibernate | batch | 0.5 | 0.550 | 3 | 1.65 ± ").contains("| 1.65 | 1.00 |");
        assertThat(report).contains("Round trip added by the relay, as each trial measured it (`rtt.measured`, "
                + "median of `SELECT 1` through it minus direct): 2.10 ms.");
        // No measured round trip to show at rtt=0, and no prediction for a benchmark without an audit.
        assertThat(report).contains("### CloneTemplateBenchmark.cloneTemplate over rtt, rows=1000");
        String overRtt = Files.readString(run.resolve("charts/insertbenchmark-insert-commitevery-all-rows-500-"
                + "synchronouscommit-on-over-rtt.svg"));
        assertThat(overRtt).contains("rtt (ms)").contains(">jdbc row<").contains(">hibernate batch<");
        assertThat(report).doesNotContain("projected").doesNotContain("Projection");
        assertThat(Files.exists(run.resolve("projection.csv"))).isFalse();
        assertThat(Files.readString(run.resolve("results.csv")).lines().findFirst().orElseThrow())
                .contains(",rtt_measured_ms,");
    }

    @Test
    void aProjectionToAnotherRttComesAfterEveryMeasuredTableLabelledAsSuch() throws IOException {
        Path run = run(true);
        assertThat(Tools.run("report", "--rtt", "1,5", run.toString())).isZero();
        String report = Files.readString(run.resolve("REPORT.md"));

        int projection = report.indexOf("## Projection to rtt = 1 ms (not measured)");
        assertThat(projection).isPositive();
        assertThat(report.indexOf("## Projection to rtt = 5 ms (not measured)")).isGreaterThan(projection);
        assertThat(report.substring(0, projection)).doesNotContain("projected");
        assertThat(report.lastIndexOf("extra ms/op, measured")).isLessThan(projection);
        String projected = report.substring(projection);
        assertThat(projected).contains("**A projection, not a measurement.**")
                .contains("### InsertBenchmark.insert at rtt = 1 ms, projected, commitEvery=all rows=500 synchronousCommit=on")
                .contains("| framework | row µs/row, projected | batch µs/row, projected |")
                // jdbc row: (150,000 µs + 501 × 1 ms) / 500 rows = 1,302 µs/row; batch: (35,000 + 3,000) / 500 = 76.
                .contains("| jdbc | 1,302 | 76 |")
                .contains("Projected fastest: `jdbc` `batch`, 76 µs/row (projected).")
                .contains("Not projected, no audit: `CloneTemplateBenchmark.cloneTemplate`.")
                .doesNotContain("± ");
        List<String> csv = Files.readAllLines(run.resolve("projection.csv"));
        assertThat(csv.get(0)).isEqualTo("benchmark,commitEvery,framework,rows,strategy,synchronousCommit,"
                + "projected_rtt_ms,from_rtt_ms,from_rtt_measured_ms,round_trips_per_op,from_ms_per_op,"
                + "projected_ms_per_op,projected_us_per_row");
        assertThat(csv).contains(INSERT + ",all,jdbc,500,row,on,1.0,0.0,0.0,501,150.0,651.0,1302.0");
        assertThat(csv).hasSize(1 + 2 * 4);
        assertThat(Files.readString(run.resolve("results.csv"))).doesNotContain("projected");

        // A report without --rtt does not leave the projection of an earlier one next to it.
        assertThat(Tools.run("report", run.toString())).isZero();
        assertThat(Files.exists(run.resolve("projection.csv"))).isFalse();
    }

    @Test
    void aProjectionNeedsAnAuditAndAnRttInRange() throws IOException {
        Path unaudited = run(false);
        assertThat(Tools.run("report", "--rtt", "1", unaudited.toString())).isEqualTo(2);
        Path audited = run(true);
        for (String bad : List.of("-1", "1001", "far", "1e3")) {
            assertThat(Tools.run("report", "--rtt", bad, audited.toString())).as(bad).isEqualTo(2);
        }
    }
}
