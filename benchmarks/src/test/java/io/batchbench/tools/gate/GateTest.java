package io.batchbench.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.Audit;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.UnusableInputException;

class GateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final double[] BASE = {100, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3};

    @TempDir
    Path dir;

    private static double[] scaled(double factor) {
        double[] values = BASE.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    private static Cell cell(String framework, String mode, String unit, double[] forks, Audit audit) {
        return Cell.of(CellKey.of("x.InsertBenchmark.insert", Map.of("framework", framework)), mode,
                new Metric(unit, forks), Map.of(), audit);
    }

    private static Run run(Cell... cells) {
        return new Run("run", List.of(cells), JsonNodeFactory.instance.objectNode());
    }

    private static Gate gate(GateConfig config) {
        return new Gate(Gate.Policy.of(config, null, null, TODAY));
    }

    @Test
    void slowerTimeIsARegressionFasterIsNot() {
        Gate.Verdict slower = gate(GateConfig.defaults()).check(run(cell("jdbc", "avgt", "us/op", BASE, null)),
                run(cell("jdbc", "avgt", "us/op", scaled(1.2), null)));
        assertThat(slower.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(slower.regressions().get(0).worseBy()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));

        Gate.Verdict faster = gate(GateConfig.defaults()).check(run(cell("jdbc", "avgt", "us/op", BASE, null)),
                run(cell("jdbc", "avgt", "us/op", scaled(0.8), null)));
        assertThat(faster.exitCode()).isEqualTo(ExitCode.PASS);
    }

    @Test
    void higherThroughputIsNotARegressionLowerIs() {
        Gate gate = gate(GateConfig.defaults());
        assertThat(gate.check(run(cell("jdbc", "thrpt", "ops/s", BASE, null)),
                run(cell("jdbc", "thrpt", "ops/s", scaled(1.3), null))).exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(gate.check(run(cell("jdbc", "thrpt", "ops/s", BASE, null)),
                run(cell("jdbc", "thrpt", "ops/s", scaled(0.7), null))).exitCode()).isEqualTo(ExitCode.REGRESSION);
    }

    @Test
    void aSignificantChangeBelowTheMinimumEffectPasses() {
        Gate.Verdict verdict = gate(GateConfig.defaults()).check(run(cell("jdbc", "avgt", "us/op", BASE, null)),
                run(cell("jdbc", "avgt", "us/op", scaled(1.03), null)));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(verdict.findings().get(0).note()).contains("below the minimum effect");
    }

    @Test
    void anyIncreaseInRoundTripsIsARegressionWhateverTheNoise() {
        Gate.Verdict verdict = gate(GateConfig.defaults()).check(
                run(cell("hibernate", "avgt", "us/op", BASE, new Audit(1000, 1000, 10, 1000, 10))),
                run(cell("hibernate", "avgt", "us/op", BASE, new Audit(1000, 1000, 1000, 1000, 1000))));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(verdict.countRegressions()).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo("round trips per 1,000 rows"));
    }

    @Test
    void theCountsOfUnitsThatRaceForChunksAreNoVerdict() {
        Gate.Verdict verdict = gate(GateConfig.defaults()).check(
                run(cell("hibernate", "avgt", "us/op", BASE, new Audit(1000, 1000, 106, 1000, 106, true))),
                run(cell("hibernate", "avgt", "us/op", BASE, new Audit(1000, 1000, 110, 1000, 110, true))));
        assertThat(verdict.countRegressions()).isEmpty();
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.PASS);
    }

    @Test
    void tooFewForksToEverReachSignificanceIsUnusable() {
        // Three forks a side can reach p = 0.05 at best: enough for one benchmark, not for two under Holm.
        double[] three = {100, 101, 99};
        Gate.Verdict verdict = gate(GateConfig.defaults()).check(
                run(cell("jdbc", "avgt", "us/op", three, null), cell("jooq", "avgt", "us/op", three, null)),
                run(cell("jdbc", "avgt", "us/op", new double[] {150, 151, 149}, null), cell("jooq", "avgt", "us/op", three, null)));
        assertThat(verdict.exitCode()).isEqualTo(ExitCode.UNUSABLE);
        assertThat(verdict.problems()).singleElement().asString().startsWith("2 benchmarks")
                .contains("with 3 and 3 forks the smallest possible p-value is 0.050").contains("run at least 4 forks per side");
    }

    @Test
    void muteHoldsUntilItsDateThenThresholdRulesApply() throws IOException {
        Path file = Files.writeString(dir.resolve("gate.json"), """
                {"rules": [
                  {"benchmark": "InsertBenchmark.insert", "params": {"framework": "jdbc"},
                   "mute": {"until": "2026-11-30", "reason": "#42"}},
                  {"benchmark": "InsertBenchmark.insert", "params": {"framework": "jooq"},
                   "mute": {"until": "2026-11-01"}},
                  {"benchmark": "InsertBenchmark.insert", "params": {"framework": "mybatis"}, "minEffectPercent": 30}
                ]}""");
        GateConfig config = GateConfig.read(file);
        Run baseline = run(cell("jdbc", "avgt", "us/op", BASE, null), cell("jooq", "avgt", "us/op", BASE, null),
                cell("mybatis", "avgt", "us/op", BASE, null));
        Run candidate = run(cell("jdbc", "avgt", "us/op", scaled(1.2), null), cell("jooq", "avgt", "us/op", scaled(1.2), null),
                cell("mybatis", "avgt", "us/op", scaled(1.2), null));
        Gate.Verdict verdict = gate(config).check(baseline, candidate);
        assertThat(verdict.regressions()).extracting(f -> f.key().params().get("framework")).containsExactly("jooq");
        assertThat(verdict.expiredMutes()).singleElement().satisfies(r -> assertThat(r.mute().until()).isEqualTo("2026-11-01"));
        String summary = CheckSummary.render(verdict, "a", "b");
        assertThat(summary).contains("muted until 2026-11-30: #42").contains("expired on 2026-11-01");
    }

    @Test
    void twoStagesFailOnlyOnWhatTheReRunConfirms() {
        Run baseline = run(cell("jdbc", "avgt", "us/op", BASE, null));
        Run candidate = run(cell("jdbc", "avgt", "us/op", scaled(1.2), null));
        Gate gate = gate(GateConfig.defaults());
        assertThat(gate.screen(baseline, candidate)).hasSize(1);
        assertThat(gate.check(baseline, candidate, baseline, candidate).exitCode()).isEqualTo(ExitCode.REGRESSION);
        Gate.Verdict notAgain = gate.check(baseline, candidate, baseline, baseline);
        assertThat(notAgain.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(notAgain.findings().get(0).status()).isEqualTo(Gate.Status.NOT_CONFIRMED);
    }

    @Test
    void differentUnitsForOneCellAreRefused() {
        assertThatThrownBy(() -> gate(GateConfig.defaults()).check(run(cell("jdbc", "avgt", "us/op", BASE, null)),
                run(cell("jdbc", "avgt", "ms/op", BASE, null))))
                .isInstanceOf(UnusableInputException.class).hasMessageContaining("run both alike");
    }
}
