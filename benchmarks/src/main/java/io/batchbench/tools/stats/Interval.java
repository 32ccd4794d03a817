package io.batchbench.tools.stats;

import java.util.OptionalDouble;

import org.apache.commons.statistics.distribution.TDistribution;

import io.batchbench.tools.run.Metric;

/**
 * The 95 % confidence interval of a cell's mean, a Student t-interval over its per-fork samples.
 * One fork is one sample and gives no interval; the report says so instead of inventing one.
 */
public final class Interval {

    public static final double LEVEL = 0.95;

    private Interval() {
    }

    /** Half the interval's width, or empty with fewer than two forks. */
    public static OptionalDouble halfWidth(Metric metric) {
        int n = metric.forks();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double mean = metric.mean();
        double squares = 0;
        for (double sample : metric.forkSamples()) {
            squares += (sample - mean) * (sample - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double t = TDistribution.of(n - 1).inverseSurvivalProbability((1 - LEVEL) / 2);
        return OptionalDouble.of(t * standardError);
    }
}
