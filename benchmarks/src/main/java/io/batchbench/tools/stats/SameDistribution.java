package io.batchbench.tools.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.batchbench.tools.run.Metric;

/**
 * How often B's median lands inside A's interval when A and B sample one and the same
 * distribution: the yardstick of an A/A comparison. It is not the interval's 95 %: A's interval
 * is for A's mean (or median), and B's median carries noise of its own. With 5 forks a side, about
 * 85 % of B's medians lie inside A's 95 % t-interval and 83 % inside A's rank-based interval of
 * the median (its minimum and maximum); with 10 a side, 82 % and 91 %. Simulated with normal
 * noise (the shares hardly move with a skewed one: log-normal at 30 % gives the same to a point),
 * with a fixed seed, so a comparison prints the same figure every time.
 */
public final class SameDistribution {

    private static final int DRAWS = 20_000;
    private static final long SEED = 20261204L;
    private static final Map<List<Integer>, Double> CELLS = new HashMap<>();
    private static final Map<List<Integer>, Double> RATIOS = new HashMap<>();

    private SameDistribution() {
    }

    /** The share of B's medians inside A's 95 % t-interval of the mean ({@link Interval}). */
    public static synchronized double cellShare(int forksA, int forksB) {
        return CELLS.computeIfAbsent(List.of(forksA, forksB), k -> simulate(forksA, forksB, (a, median) -> {
            Metric metric = new Metric("", a);
            double half = Interval.halfWidth(metric).orElse(0);
            return Math.abs(median - metric.mean()) <= half;
        }));
    }

    /** The share of B's median ratios inside A's rank-based interval of the median ({@link MedianInterval}). */
    public static synchronized double ratioShare(int roundsA, int roundsB) {
        return RATIOS.computeIfAbsent(List.of(roundsA, roundsB), k -> simulate(roundsA, roundsB, (a, median) -> {
            MedianInterval interval = MedianInterval.of(a);
            return median >= interval.low() && median <= interval.high();
        }));
    }

    private interface Inside {
        boolean test(double[] a, double medianOfB);
    }

    private static double simulate(int n, int m, Inside inside) {
        SplittableRandom random = new SplittableRandom(SEED);
        int hits = 0;
        double[] a = new double[n];
        double[] b = new double[m];
        for (int draw = 0; draw < DRAWS; draw++) {
            for (int i = 0; i < n; i++) {
                a[i] = random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                b[i] = random.nextGaussian();
            }
            hits += inside.test(a, new Metric("", b).median()) ? 1 : 0;
        }
        return (double) hits / DRAWS;
    }
}
