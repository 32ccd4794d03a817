package io.batchbench.tools.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunReader;

/**
 * ab end to end: the real benchmarks.jar as baseline and as candidate on one tiny cell, two
 * interleaved rounds, merged into two runs and checked. The minimum effect is set out of reach
 * so that the verdict of an A/A run is certain (pass) and the test checks the plumbing: the
 * order of the rounds, the merged forks, the summary.
 */
class AbIT {

    private static final String JAR = System.getProperty("batchbench.jar");

    @TempDir
    Path workDir;

    @Test
    void runsBothJarsAlternatelyMergesEachSideAndChecks() throws Exception {
        Path out = workDir.resolve("ab");
        // Two forks a side decide nothing; this checks the machinery, so nothing may be flagged: time's
        // minimum effect is 1000 % and no work metric is tested (5 % of CPU is within two forks' noise).
        Path config = Files.writeString(workDir.resolve("gate.json"), "{\"minEffectPercent\": 1000, \"metrics\": {}}");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", JAR, Tools.class.getName(), "ab", "--out", out.toString(), "--config", config.toString(), JAR, JAR,
                "PageAtDepth", "-p", "framework=jdbc", "-p", "strategy=keyset", "-p", "rows=1000", "-p", "depth=0",
                "-wi", "0", "-i", "1", "-r", "100ms", "-f", "2"));
        Path log = workDir.resolve("ab.log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ab did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();

        List<String> rounds = output.lines().filter(l -> l.startsWith("ab: measure round"))
                .map(l -> l.replaceAll("^ab: measure (round \\d/\\d, \\w+):.*", "$1")).toList();
        assertThat(rounds).containsExactly("round 1/2, baseline", "round 1/2, candidate", "round 2/2, baseline",
                "round 2/2, candidate");

        for (String side : List.of("baseline", "candidate")) {
            Run run = RunReader.read(out.resolve(side));
            assertThat(run.cells()).singleElement().satisfies(cell -> {
                assertThat(cell.key().shortName()).isEqualTo("PageAtDepthBenchmark.pageAtDepth");
                assertThat(cell.primary().forks()).isEqualTo(2);
            });
            assertThat(run.env().path("mergedFrom")).hasSize(2);
        }
        assertThat(Files.readString(out.resolve("check.md"))).startsWith("## batchbench check: no regression")
                .contains("1 benchmarks in common, 1 tested");
    }
}
