package io.batchbench.tools.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

import io.batchbench.tools.run.Direction;

/**
 * The Mann–Whitney U test of Apache Commons Statistics on per-fork samples: exact p-values for
 * small samples without ties, the normal approximation otherwise (the library's AUTO method).
 * Rank tests need no assumption about the shape of fork-to-fork noise, which on a shared machine
 * has outliers a t-test would be swayed by.
 */
public final class MannWhitney {

    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

    private MannWhitney() {
    }

    /** One-sided p-value of "the candidate is worse than the baseline" in the given direction. */
    public static double worse(Direction direction, double[] baseline, double[] candidate) {
        AlternativeHypothesis worse = direction == Direction.LOWER_IS_BETTER
                ? AlternativeHypothesis.GREATER_THAN : AlternativeHypothesis.LESS_THAN;
        return TEST.with(worse).test(candidate, baseline).getPValue();
    }

    /** Two-sided p-value of "the two differ", for compare. */
    public static double differ(double[] a, double[] b) {
        return TEST.with(AlternativeHypothesis.TWO_SIDED).test(a, b).getPValue();
    }

    /**
     * The smallest one-sided p-value samples of these sizes can give: every candidate fork worse
     * than every baseline fork, one arrangement of C(n+m, n).
     */
    public static double smallestPValue(int n, int m) {
        double arrangements = 1;
        for (int i = 1; i <= Math.min(n, m); i++) {
            arrangements = arrangements * (n + m - Math.min(n, m) + i) / i;
        }
        return 1 / arrangements;
    }

    /** The fewest forks per side (equal sides) whose smallest p-value reaches {@code level}. */
    public static int forksToReach(double level) {
        int forks = 2;
        while (smallestPValue(forks, forks) > level) {
            forks++;
        }
        return forks;
    }
}
