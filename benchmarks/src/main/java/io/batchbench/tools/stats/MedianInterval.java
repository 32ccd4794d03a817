package io.batchbench.tools.stats;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A distribution-free confidence interval for a median: the order statistics
 * {@code [x(k), x(n+1-k)]} of n samples cover the median with probability
 * {@code 1 - 2 P(Binomial(n, 1/2) <= k-1)}, whatever the samples' distribution. The largest k
 * (the narrowest interval) whose coverage reaches the wanted level is taken; with few samples no
 * k reaches it (five samples give at most 93.75 %, with their minimum and maximum), and then the
 * interval is [min, max] and says its actual coverage instead of claiming the level. Ratios of
 * times are skewed and have outliers on a shared machine, which is why neither a t-interval nor a
 * normal approximation is used.
 *
 * @param coverage the interval's actual coverage probability (0 with one sample: no interval)
 */
public record MedianInterval(double median, double low, double high, double coverage, int n) {

    public static final double LEVEL = 0.95;

    public static MedianInterval of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (n == 1) {
            return new MedianInterval(median, median, median, 0, 1);
        }
        BinomialDistribution binomial = BinomialDistribution.of(n, 0.5);
        int k = 1;
        double coverage = coverage(binomial, 1);
        // k can grow while the next narrower interval still reaches the level
        while (k + 1 <= n / 2 && coverage(binomial, k + 1) >= LEVEL) {
            k++;
            coverage = coverage(binomial, k);
        }
        return new MedianInterval(median, sorted[k - 1], sorted[n - k], coverage, n);
    }

    /** P(x(k) <= median <= x(n+1-k)) for a continuous distribution. */
    static double coverage(BinomialDistribution binomial, int k) {
        return 1 - 2 * binomial.cumulativeProbability(k - 1);
    }

    public boolean hasInterval() {
        return n > 1;
    }
}
