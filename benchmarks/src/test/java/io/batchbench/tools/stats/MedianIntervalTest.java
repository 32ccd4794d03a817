package io.batchbench.tools.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {

    @Test
    void fiveSamplesGiveTheirRangeAtItsActualCoverageNotNinetyFive() {
        MedianInterval interval = MedianInterval.of(new double[] {1.3, 1.1, 1.9, 1.2, 1.5});
        assertThat(interval.median()).isEqualTo(1.3);
        assertThat(interval.low()).isEqualTo(1.1);
        assertThat(interval.high()).isEqualTo(1.9);
        assertThat(interval.coverage()).isEqualTo(1 - 2 / 32.0);
    }

    @Test
    void tenSamplesDropTheirExtremesAndStillReachTheLevel() {
        MedianInterval interval = MedianInterval.of(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
        assertThat(interval.low()).isEqualTo(2);
        assertThat(interval.high()).isEqualTo(9);
        assertThat(interval.coverage()).isEqualTo(1 - 2 * 11 / 1024.0).isGreaterThanOrEqualTo(MedianInterval.LEVEL);
    }

    @Test
    void oneSampleHasNoInterval() {
        assertThat(MedianInterval.of(new double[] {2}).hasInterval()).isFalse();
    }

    /** The coverage it states is the one it has, on skewed data: 20,000 draws of five log-normal ratios. */
    @Test
    void statedCoverageHoldsOnSkewedSamples() {
        Random random = new Random(13);
        double trueMedian = Math.exp(0.2);
        int covered = 0;
        int draws = 20_000;
        double stated = 0;
        for (int i = 0; i < draws; i++) {
            double[] samples = new double[5];
            for (int j = 0; j < samples.length; j++) {
                samples[j] = Math.exp(0.2 + 0.3 * random.nextGaussian());
            }
            MedianInterval interval = MedianInterval.of(samples);
            stated = interval.coverage();
            if (interval.low() <= trueMedian && trueMedian <= interval.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) draws).isCloseTo(stated, within(0.01));
    }
}
