package io.batchbench.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.JmhJson;

/**
 * The report of a fixed run, byte for byte. REPORT.md, results.csv and report.html are compared
 * with the committed golden files; the charts' bytes depend on the machine's fonts (text is laid
 * out with its metrics), so for them the test checks that two renderings are identical and that
 * the golden HTML matches once the inline SVG is set aside. Regenerate the golden files after an
 * intended change with {@code -Dbatchbench.golden.update=true} and review the diff. The fixture's
 * env.json names two combinations that are no cell, which the report shows as n/a.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/batchbench/tools/report/golden");
    private static final String INSERT = "io.batchbench.benchmark.insert.InsertBenchmark.insert";
    private static final String SCAN = "io.batchbench.benchmark.paging.FullScanBenchmark.fullScan";

    @TempDir
    Path dir;

    /** An insert matrix with rows, allocation, work metrics and audit counts, 3 forks; a scan over two table sizes. */
    static Path fixture(Path dir) throws IOException {
        JmhJson run = new JmhJson();
        int cell = 0;
        for (String framework : List.of("jdbc", "hibernate")) {
            for (String strategy : List.of("row", "batch")) {
                for (String commitEvery : List.of("100", "all")) {
                    cell++;
                    double base = (strategy.equals("row") ? 40_000 : 6_000) * (framework.equals("jdbc") ? 1 : 1.8)
                            * (commitEvery.equals("100") ? 1.3 : 1);
                    ObjectNode result = run.cell(INSERT, JmhJson.params("framework", framework, "strategy", strategy,
                                    "commitEvery", commitEvery, "rows", "1000", "synchronousCommit", "on"),
                            new double[] {base, base * 1.02}, new double[] {base * 0.97, base * 0.99},
                            new double[] {base * (1.01 + cell / 1000.0), base * 1.04});
                    JmhJson.secondary(result, "rows", "us/op", 0.001);
                    JmhJson.secondary(result, "gc.alloc.rate.norm", "B/op", 25 + cell);
                    JmhJson.secondary(result, "cpu.client", "us/op", 0.4 + cell / 100.0);
                    JmhJson.secondary(result, "cpu.server", "us/op", 0.3);
                    JmhJson.secondary(result, "wal.bytes", "B/op", 2.5);
                    long trips = strategy.equals("row") ? 1000 : 10;
                    run.audit(INSERT, JmhJson.params("framework", framework, "strategy", strategy,
                            "commitEvery", commitEvery, "rows", "1000", "synchronousCommit", "on"), 1000, 1000,
                            trips + (commitEvery.equals("100") ? 10 : 1));
                }
            }
        }
        for (String rows : List.of("1000", "100000")) {
            for (String strategy : List.of("keyset", "cursor")) {
                double base = Double.parseDouble(rows) * (strategy.equals("keyset") ? 2.1 : 1.4);
                JmhJson.secondary(run.cell(SCAN, JmhJson.params("framework", "jdbc", "strategy", strategy, "rows", rows,
                        "pageSize", "100"), new double[] {base}), "rows", "us/op", 1 / Double.parseDouble(rows));
            }
        }
        ObjectNode env = JmhJson.env("18.6", "7.4.6.Final");
        for (String strategy : List.of("row", "batch")) {
            ObjectNode absent = env.withArray("notApplicable").addObject().put("benchmark", INSERT)
                    .put("reason", "a framework without this idiom, for the test");
            absent.set("params", JmhJson.JSON.valueToTree(JmhJson.params("framework", "jooq", "strategy", strategy,
                    "commitEvery", "100", "rows", "1000", "synchronousCommit", "on", "rtt", "0")));
        }
        return run.writeFolder(dir.resolve("2026-11-22-golden"), env);
    }

    @Test
    void sameRunSameBytes() throws IOException {
        Path runDir = fixture(dir);
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(Tools.run("report", "-o", first.toString(), runDir.toString())).isZero();
        assertThat(Tools.run("report", "-o", second.toString(), runDir.toString())).isZero();

        List<Path> files = files(first);
        assertThat(files).contains(Path.of("REPORT.md"), Path.of("report.html"), Path.of("results.csv"),
                Path.of("ratios.csv"));
        assertThat(files.stream().filter(f -> f.toString().endsWith(".svg"))).hasSize(6);
        assertThat(files.stream().filter(f -> f.toString().endsWith(".png"))).hasSize(6);
        assertThat(files(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }

        if (Boolean.getBoolean("batchbench.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.copy(first.resolve("REPORT.md"), GOLDEN.resolve("REPORT.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(first.resolve("results.csv"), GOLDEN.resolve("results.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(first.resolve("ratios.csv"), GOLDEN.resolve("ratios.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(GOLDEN.resolve("report.html"), withoutSvg(first.resolve("report.html")));
        }
        assertThat(Files.readString(first.resolve("REPORT.md"))).isEqualTo(Files.readString(GOLDEN.resolve("REPORT.md")));
        assertThat(Files.readString(first.resolve("results.csv"))).isEqualTo(Files.readString(GOLDEN.resolve("results.csv")));
        assertThat(Files.readString(first.resolve("ratios.csv"))).isEqualTo(Files.readString(GOLDEN.resolve("ratios.csv")));
        assertThat(withoutSvg(first.resolve("report.html"))).isEqualTo(Files.readString(GOLDEN.resolve("report.html")));

        String bars = Files.readString(first.resolve("charts/insertbenchmark-insert-commitevery-100-rows-1000-rtt-0-synchronouscommit-on-bars.svg"));
        assertThat(bars).startsWith("<svg").contains(">row<").contains(">batch<").contains(">hibernate<");
        String overRows = Files.readString(first.resolve("charts/fullscanbenchmark-fullscan-pagesize-100-rtt-0-over-rows.svg"));
        assertThat(overRows).contains("rows (log scale)");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static String withoutSvg(Path html) throws IOException {
        return new String(Files.readAllBytes(html), StandardCharsets.UTF_8).replaceAll("(?s)<svg.*?</svg>", "<svg/>");
    }
}
