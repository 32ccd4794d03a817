package io.batchbench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The cells a command line selects, as the launcher counts them before anything starts. */
class MatrixTest {

    @Test
    void aBenchmarkWithAQuickProfileRunsItWhenTheCommandLineDoesNotNameTheParameter() throws Exception {
        Matrix quick = matrix("ConcurrentInsert");

        assertThat(quick.cells()).extracting(cell -> cell.params().get("strategy")).containsOnly("batch");
        assertThat(quick.cells()).extracting(cell -> cell.params().get("framework"))
                .containsOnly("jdbc", "hibernate", "jooq");
        // each framework on every executor at 1, 4 and 16 workers: the shape the quick profile exists to show
        assertThat(quick.cells()).hasSize(27);
        assertThat(quick.notApplicable()).isEmpty();
    }

    @Test
    void aParameterTheCommandLineNamesRunsTheValuesItGivesOverTheQuickProfile() throws Exception {
        Matrix named = matrix("ConcurrentJob", "-p", "framework=jdbc", "-p", "split=range,bulk", "-p", "workers=4");

        assertThat(named.cells()).extracting(cell -> cell.params().get("split")).containsOnly("range", "bulk");
        assertThat(named.cells()).hasSize(6);
    }

    @Test
    void aBenchmarkWithoutAQuickProfileRunsEveryDeclaredValue() throws Exception {
        Matrix all = matrix("insert.InsertBenchmark", "-p", "framework=jdbc", "-p", "commitEvery=100");

        assertThat(all.cells()).extracting(cell -> cell.params().get("strategy"))
                .containsOnly("row", "batch", "multirow", "copy");
    }

    private static Matrix matrix(String... args) throws Exception {
        return Matrix.of(args, new CommandLineOptions(args));
    }
}
