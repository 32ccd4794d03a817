package io.batchbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostStealTest {

    @Test
    void stealIsTheEighthFieldAndTheWholeCountsEveryKindButGuestTimeTwice() {
        HostSteal start = parse("cpu  2370 0 1373 14818 286 0 41 2 500 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n");
        HostSteal end = parse("cpu  2470 0 1393 14898 286 0 41 22 600 0\n");

        assertThat(start).isEqualTo(new HostSteal(2, 18_890));
        assertThat(end.since(start)).isEqualTo(new HostSteal(20, 220));
        assertThat(end.since(start).plus(new HostSteal(5, 30))).isEqualTo(new HostSteal(25, 250));
    }

    @Test
    void aKernelWithoutTheStealFieldReportsNone() {
        assertThat(parse("cpu  2370 0 1373 14818\ncpu0 1 2 3 4 5 6 7 8\n")).isEqualTo(new HostSteal(0, 18_561));
    }

    /** The reader reads the file anew each time: the machine's clock ticks move on between two reads. */
    @Test
    void theReaderSeesTheMachineCountForward() throws InterruptedException {
        try (HostSteal.Reader reader = new HostSteal.Reader()) {
            assertThat(reader.known()).isEqualTo(HostSteal.KNOWN);
            HostSteal first = reader.now();
            Thread.sleep(100);
            HostSteal later = reader.now();
            if (reader.known()) {
                assertThat(later.since(first).all()).isPositive();
                assertThat(later.steal()).isBetween(0L, later.all());
            } else {
                assertThat(later).isEqualTo(HostSteal.NONE);
            }
        }
    }

    private static HostSteal parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return HostSteal.parse(bytes, bytes.length);
    }
}
