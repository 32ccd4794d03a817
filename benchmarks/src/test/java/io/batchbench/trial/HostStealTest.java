package io.batchbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostStealTest {

    @Test
    void stealIsTheEighthFieldAndTheWholeCountsEveryKindButGuestTimeTwice() {
        HostSteal start = HostSteal.parse("cpu  2370 0 1373 14818 286 0 41 2 500 0");
        HostSteal end = HostSteal.parse("cpu  2470 0 1393 14898 286 0 41 22 600 0");

        assertThat(start).isEqualTo(new HostSteal(2, 18_890));
        assertThat(end.since(start)).isEqualTo(new HostSteal(20, 220));
        assertThat(end.since(start).plus(new HostSteal(5, 30))).isEqualTo(new HostSteal(25, 250));
    }

    @Test
    void aKernelWithoutTheStealFieldReportsNone() {
        assertThat(HostSteal.parse("cpu  2370 0 1373 14818").steal()).isZero();
    }

    @Test
    void theMachineCountsForward() {
        HostSteal first = HostSteal.now();
        HostSteal later = HostSteal.now();
        assertThat(later.since(first).all()).isNotNegative();
        assertThat(later.steal()).isBetween(0L, later.all());
    }
}
