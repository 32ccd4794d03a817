package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptions;

class RunFilesTest {

    @Test
    void byDefaultARunGetsItsOwnFolderWithJmhJsonAndEnvJson() throws Exception {
        RunFiles files = RunFiles.choose(new CommandLineOptions());

        Path runDir = Path.of("results", "runs", files.runId()).toAbsolutePath();
        assertThat(files.runId()).matches("\\d{8}_\\d{6}_[0-9a-f]{4}");
        assertThat(files.resultFile()).isEqualTo(runDir.resolve("jmh.json"));
        assertThat(files.format()).isEqualTo(ResultFormatType.JSON);
        assertThat(files.envFile()).isEqualTo(runDir.resolve("env.json"));
    }

    @Test
    void aChosenResultFileKeepsItsEnvironmentBesideItUnderItsOwnName() throws Exception {
        RunFiles files = RunFiles.choose(new CommandLineOptions("-rf", "csv", "-rff", "measurements/deep.csv"));

        Path folder = Path.of("measurements").toAbsolutePath();
        assertThat(files.resultFile()).isEqualTo(folder.resolve("deep.csv"));
        assertThat(files.format()).isEqualTo(ResultFormatType.CSV);
        assertThat(files.envFile()).isEqualTo(folder.resolve("deep.env.json"));
    }

    @Test
    void passwordsInTheRecordedCommandLineAreBlanked() {
        assertThat(RunFiles.redacted(new String[] {"-jvmArgs", "-Dbatchbench.jdbc.password=hunter2", "-f", "3"}))
                .containsExactly("-jvmArgs", "-Dbatchbench.jdbc.password=***", "-f", "3");
    }
}
