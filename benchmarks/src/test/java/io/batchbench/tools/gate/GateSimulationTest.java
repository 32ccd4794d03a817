package io.batchbench.tools.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;

/**
 * The gate on simulated matrices with known effects: 50 benchmarks, 10 forks a side, fork-to-fork
 * noise of 8 % (log-normal), a seeded generator. Over 1,000 A/A comparisons the two-stage gate
 * (screen, then re-run the flagged cells) may fail at most 2 % of runs, and it must catch a 20 %
 * regression in one benchmark in at least 90 %. The one-stage figures are printed alongside: one
 * pair of runs cannot meet both bounds, which is why ab confirms. The README quotes this output.
 */
class GateSimulationTest {

    private static final int TRIALS = 1000;
    private static final int BENCHMARKS = 50;
    private static final int FORKS = 10;
    private static final double NOISE = 0.08;

    private final Gate gate = new Gate(Gate.Policy.of(GateConfig.defaults(), null, null, LocalDate.of(2026, 11, 22)));

    @Test
    void twoStageGateHoldsFalseAlarmsAndCatchesRegressions() {
        Rates aa = simulate(new Matrix(NOISE, FORKS, 0.0), new SplittableRandom(20261122));
        Rates regression = simulate(new Matrix(NOISE, FORKS, 0.20), new SplittableRandom(7));
        System.out.printf("GateSimulationTest: A/A false alarms: two-stage %.1f %%, one-stage %.1f %%; "
                        + "20 %% regression caught: two-stage %.1f %%, one-stage %.1f %% (%d runs each)%n",
                aa.twoStageFails * 100.0 / TRIALS, aa.oneStageFails * 100.0 / TRIALS,
                regression.twoStageCaught * 100.0 / TRIALS, regression.oneStageCaught * 100.0 / TRIALS, TRIALS);
        assertThat(aa.twoStageFails).as("A/A runs failed by the two-stage gate").isLessThanOrEqualTo(TRIALS * 2 / 100);
        assertThat(regression.twoStageCaught).as("20 % regressions caught").isGreaterThanOrEqualTo(TRIALS * 90 / 100);
        assertThat(aa.oneStageFails).as("Holm keeps the one-stage family-wise rate near alpha")
                .isLessThanOrEqualTo(TRIALS * 6 / 100);
        assertThat(regression.twoStageFails - regression.twoStageCaught)
                .as("runs failed for another, unchanged benchmark").isLessThanOrEqualTo(TRIALS * 2 / 100);
    }

    /**
     * This VM's forks of a short full scan spread by 8 to 21 % (the A/A runs in docs/tools.md), more than the
     * 8 % above. A rank test's false-alarm rate does not depend on the spread, so that bound must hold
     * at any noise; what noise takes away is power, printed for the table of what n forks see in docs/tools.md.
     */
    @ParameterizedTest(name = "noise {0}, {1} forks a side")
    @CsvSource({"0.15, 10", "0.15, 20"})
    void noisierForksCostPowerNotFalseAlarms(double noise, int forks) {
        Rates aa = simulate(new Matrix(noise, forks, 0.0), new SplittableRandom(20261122));
        Rates by20 = simulate(new Matrix(noise, forks, 0.20), new SplittableRandom(7));
        Rates by40 = simulate(new Matrix(noise, forks, 0.40), new SplittableRandom(11));
        System.out.printf("GateSimulationTest: noise %.0f %%, %d forks a side: A/A false alarms two-stage %.1f %%, "
                        + "one-stage %.1f %%; caught two-stage / one-stage: 20 %% regression %.1f / %.1f %%, "
                        + "40 %% regression %.1f / %.1f %%%n", noise * 100, forks,
                aa.twoStageFails * 100.0 / TRIALS, aa.oneStageFails * 100.0 / TRIALS,
                by20.twoStageCaught * 100.0 / TRIALS, by20.oneStageCaught * 100.0 / TRIALS,
                by40.twoStageCaught * 100.0 / TRIALS, by40.oneStageCaught * 100.0 / TRIALS);
        assertThat(aa.twoStageFails).as("A/A runs failed by the two-stage gate").isLessThanOrEqualTo(TRIALS * 2 / 100);
        assertThat(by40.twoStageCaught).as("a larger regression is caught at least as often")
                .isGreaterThanOrEqualTo(by20.twoStageCaught);
    }

    private record Rates(int oneStageFails, int oneStageCaught, int twoStageFails, int twoStageCaught) {
    }

    /** Fork-to-fork noise (log-normal sigma), forks a side, and how much slower benchmark 0 is. */
    private record Matrix(double noise, int forks, double regression) {
    }

    private Rates simulate(Matrix matrix, SplittableRandom random) {
        int oneFails = 0;
        int oneCaught = 0;
        int twoFails = 0;
        int twoCaught = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Run baseline = run("baseline", random, matrix, 0);
            Run candidate = run("candidate", random, matrix, matrix.regression());
            Gate.Verdict one = gate.check(baseline, candidate);
            Gate.Verdict two = gate.check(baseline, candidate, run("baseline", random, matrix, 0),
                    run("candidate", random, matrix, matrix.regression()));
            oneFails += one.exitCode() == ExitCode.REGRESSION ? 1 : 0;
            oneCaught += caughtFirst(one) ? 1 : 0;
            twoFails += two.exitCode() == ExitCode.REGRESSION ? 1 : 0;
            twoCaught += caughtFirst(two) ? 1 : 0;
        }
        return new Rates(oneFails, oneCaught, twoFails, twoCaught);
    }

    private static boolean caughtFirst(Gate.Verdict verdict) {
        return verdict.regressions().stream().anyMatch(f -> f.key().params().get("n").equals("0"));
    }

    /** Benchmark 0 is slower by {@code regression}; every fork's mean gets log-normal noise. */
    private static Run run(String name, SplittableRandom random, Matrix matrix, double regression) {
        List<Cell> cells = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            double[] forks = new double[matrix.forks()];
            for (int f = 0; f < matrix.forks(); f++) {
                forks[f] = 100 * (b == 0 ? 1 + regression : 1) * Math.exp(matrix.noise() * random.nextGaussian());
            }
            cells.add(Cell.of(CellKey.of("sim.Benchmark.run", Map.of("n", String.valueOf(b))), "avgt",
                    new Metric("us/op", forks), Map.of(), null));
        }
        return new Run(name, cells, JsonNodeFactory.instance.objectNode());
    }
}
