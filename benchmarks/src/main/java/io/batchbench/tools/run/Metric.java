package io.batchbench.tools.run;

import java.util.Arrays;

/**
 * One metric of one cell: its unit and one sample per fork, the mean of that fork's measured
 * iterations. Forks, not iterations, are the unit of statistics: iterations of one JVM share its
 * JIT decisions, heap layout and database state, so they vary less than forks do.
 */
public record Metric(String unit, double[] forkSamples) {

    public Metric {
        forkSamples = forkSamples.clone();
    }

    @Override
    public double[] forkSamples() {
        return forkSamples.clone();
    }

    public int forks() {
        return forkSamples.length;
    }

    public double mean() {
        return Arrays.stream(forkSamples).average().orElseThrow();
    }

    public double median() {
        double[] sorted = forkSamples.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metric m && unit.equals(m.unit) && Arrays.equals(forkSamples, m.forkSamples);
    }

    @Override
    public int hashCode() {
        return unit.hashCode() * 31 + Arrays.hashCode(forkSamples);
    }

    @Override
    public String toString() {
        return Arrays.toString(forkSamples) + " " + unit;
    }
}
