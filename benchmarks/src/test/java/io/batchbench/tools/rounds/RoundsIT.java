package io.batchbench.tools.rounds;

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
 * The real jar, run as interleaved rounds: every round every cell once in its own shuffled
 * order, merged into one run whose fork i of each cell comes from round i; and an interrupted
 * run that keeps the rounds that finished, marked incomplete, saying so in one line.
 */
class RoundsIT {

    private static final String JAR = System.getProperty("batchbench.jar");
    private static final List<String> SELECTION = List.of("PageAtDepth", "-p", "framework=jdbc,jooq",
            "-p", "strategy=keyset", "-p", "rows=1000", "-p", "depth=0", "-wi", "0", "-i", "1", "-r", "100ms");

    @TempDir
    Path workDir;

    @Test
    void runsEveryCellOnceARoundInShuffledOrdersAndMergesTheRounds() throws Exception {
        Path out = workDir.resolve("rounds");
        Process process = rounds(out, "3", "--seed", "41");
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(workDir.resolve("rounds.log"));
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(output.lines().filter(l -> l.startsWith("rounds: round ")))
                .containsExactly("rounds: round 1 of 3 (cell order seed 42)", "rounds: round 2 of 3 (cell order seed 43)",
                        "rounds: round 3 of 3 (cell order seed 44)");
        Run run = RunReader.read(out);
        assertThat(run.cells()).hasSize(2).allSatisfy(cell -> assertThat(cell.primary().forks()).isEqualTo(3));
        assertThat(run.env().path("rounds").path("completed").asInt()).isEqualTo(3);
        assertThat(run.env().path("incomplete").isMissingNode()).isTrue();
        assertThat(output).contains("rounds: 3 rounds merged into " + out);
    }

    @Test
    void anInterruptedRunKeepsTheRoundsThatFinished() throws Exception {
        Path out = workDir.resolve("rounds");
        Process process = rounds(out, "4", "--seed", "1");
        Path log = workDir.resolve("rounds.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.readString(log).contains("rounds: round 2 of 4") || !Files.readString(log)
                .substring(Files.readString(log).indexOf("rounds: round 2 of 4")).contains("Iteration   1:")) {
            assertThat(System.nanoTime()).as(Files.readString(log)).isLessThan(deadline);
            Thread.sleep(200);
        }
        int before = Files.readString(log).length();

        process.destroy();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        String afterStop = Files.readString(log).substring(before);
        assertThat(afterStop.lines().filter(l -> !l.startsWith("WARNING")).toList()).as(afterStop).singleElement()
                .asString().startsWith("rounds: interrupted in round 2; kept the 1 of 4 rounds that finished");
        Run run = RunReader.read(out);
        assertThat(run.cells()).allSatisfy(cell -> assertThat(cell.primary().forks()).isEqualTo(1));
        assertThat(run.env().path("incomplete").asText()).isEqualTo("interrupted in round 2 after 1 of 4 rounds");
    }

    private Process rounds(Path out, String rounds, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", JAR, Tools.class.getName(), "rounds", "--out", out.toString(), "--jar", JAR));
        command.addAll(List.of(options));
        command.addAll(SELECTION);
        command.addAll(List.of("-f", rounds));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("rounds.log").toFile()).start();
    }
}
