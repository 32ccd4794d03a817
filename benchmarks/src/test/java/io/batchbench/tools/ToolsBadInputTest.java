package io.batchbench.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.run.JmhJson;

/** Every kind of unusable input ends with exit 2 and one line that names the problem, never a stack trace. */
class ToolsBadInputTest {

    private static final String SCAN = "io.batchbench.benchmark.paging.FullScanBenchmark.fullScan";

    @TempDir
    Path dir;

    record Outcome(int exit, String err) {
    }

    static Outcome run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Tools.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private Path good() throws IOException {
        JmhJson run = new JmhJson();
        run.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10}, new double[] {11});
        return run.writeFolder(dir.resolve("good"), null);
    }

    private void assertUnusable(String expected, String... args) {
        Outcome outcome = run(args);
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains(expected);
        assertThat(outcome.err().strip().lines()).as("one line").hasSize(1);
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        for (String tool : new String[] {"report", "compare", "check"}) {
            String[] args = tool.equals("report") ? new String[] {tool, empty.toString()}
                    : new String[] {tool, empty.toString(), good().toString()};
            assertUnusable("the file is empty", args);
        }
    }

    @Test
    void truncatedJson() throws IOException {
        String text = Files.readString(good().resolve("jmh.json"));
        Path truncated = Files.writeString(dir.resolve("truncated.json"), text.substring(0, text.length() / 2));
        assertUnusable("not valid JSON (truncated", "check", good().toString(), truncated.toString());
    }

    @Test
    void notANumberAndInfiniteScores() throws IOException {
        for (String bad : new String[] {"NaN", "+INF", "-INF"}) {
            JmhJson run = new JmhJson();
            ObjectNode cell = run.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10}, new double[] {11});
            ((ArrayNode) cell.at("/primaryMetric/rawData/1")).set(0, bad);
            Path folder = run.writeFolder(dir.resolve("bad" + bad), null);
            assertUnusable("has a score of \"" + bad + "\", not a number", "compare", good().toString(), folder.toString());
        }
    }

    @Test
    void runWithoutRawData() throws IOException {
        JmhJson run = new JmhJson();
        ObjectNode cell = run.cell(SCAN, JmhJson.params("framework", "jdbc"), new double[] {10});
        ((ObjectNode) cell.get("primaryMetric")).remove("rawData");
        Path folder = run.writeFolder(dir.resolve("noraw"), null);
        assertUnusable("has no rawData: per-fork samples are needed", "check", good().toString(), folder.toString());
    }

    @Test
    void sampleTimeHistogramThatIsNotPairs() throws IOException {
        JmhJson run = new JmhJson();
        ObjectNode cell = run.cell(SCAN, "sample", "us/op", JmhJson.params("framework", "jdbc"), new double[] {10});
        ObjectNode metric = (ObjectNode) cell.get("primaryMetric");
        metric.remove("rawData");
        metric.putArray("rawDataHistogram").addArray().addArray().add(12.5);
        Path folder = run.writeFolder(dir.resolve("histogram"), null);
        assertUnusable("not a [time, count] pair", "report", folder.toString());
    }

    @Test
    void noBenchmarkInCommon() throws IOException {
        JmhJson other = new JmhJson();
        other.cell(SCAN, JmhJson.params("framework", "jooq"), new double[] {10}, new double[] {11});
        Path folder = other.writeFolder(dir.resolve("other"), null);
        assertUnusable("no benchmark in common", "check", good().toString(), folder.toString());
        assertUnusable("no benchmark in common", "compare", good().toString(), folder.toString());
    }

    @Test
    void missingRunAndWrongCommandLine() throws IOException {
        assertUnusable("no JMH results here", "report", dir.resolve("nowhere").toString());
        assertUnusable("Missing required parameter", "check", good().toString());
    }

    @Test
    void muteWithoutExpiry() throws IOException {
        Path config = Files.writeString(dir.resolve("gate.json"),
                "{\"rules\": [{\"benchmark\": \"FullScanBenchmark.fullScan\", \"mute\": {\"reason\": \"flaky\"}}]}");
        assertUnusable("every mute must expire", "check", "--config", config.toString(), good().toString(), good().toString());
    }
}
