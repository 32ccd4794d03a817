package io.batchbench.workload.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The runner bounds the units in flight, and a failing unit stops the run with its cause and leaves no thread. */
public class UnitRunnerTest {

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"PLATFORM", "VIRTUAL"})
    void runsEveryUnitWithAtMostWorkersAtOnce(ExecutorKind kind) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Runnable> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            units.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                running.decrementAndGet();
                done.incrementAndGet();
            });
        }
        Set<Thread> before = unitThreads();
        try (UnitRunner runner = new UnitRunner(kind, 4)) {
            runner.run(units);
            runner.run(units);

            assertThat(done).hasValue(80);
            assertThat(most.get()).isEqualTo(runner.peakInFlight()).isBetween(2, 4);
            assertThat(newThreadsAlive(before)).as("platform threads are kept for the next operation")
                    .isLessThanOrEqualTo(kind == ExecutorKind.PLATFORM ? 4 : 0);
        }
        assertThat(newThreadsAlive(before)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"PLATFORM", "VIRTUAL"})
    void aFailingUnitStopsTheOthersAndItsCauseIsThrownOnceNoThreadIsLeft(ExecutorKind kind) throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch othersRunning = new CountDownLatch(3);
        AtomicInteger interrupted = new AtomicInteger();
        List<Runnable> units = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            units.add(() -> {
                started.incrementAndGet();
                othersRunning.countDown();
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(1));
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        IllegalStateException cause = new IllegalStateException("worker 4 failed");
        units.add(() -> {
            started.incrementAndGet();
            awaitQuietly(othersRunning);
            throw cause;
        });
        for (int i = 0; i < 100; i++) {
            units.add(started::incrementAndGet);
        }
        long begin = System.nanoTime();
        Set<Thread> before = unitThreads();

        try (UnitRunner runner = new UnitRunner(kind, 4)) {
            assertThatThrownBy(() -> runner.run(units)).isSameAs(cause);

            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin)).as("the others were stopped")
                    .isLessThan(30);
            assertThat(interrupted).as("every other unit had ended when run returned").hasValue(3);
            assertThat(started).as("no unit started after the failure").hasValue(4);
        }
        assertThat(newThreadsAlive(before)).isZero();
    }

    @Test
    void refusesNoWorkers() {
        assertThatThrownBy(() -> new UnitRunner(ExecutorKind.PLATFORM, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers must be at least 1, got 0");
    }

    /** Live platform threads named as the runner names them (other tests' runners may have left some). */
    public static Set<Thread> unitThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("unit-") && thread.isAlive())
                .collect(Collectors.toSet());
    }

    /** Those not in {@code before} still alive, after giving each a second to end (a closed pool's threads exit just after). */
    public static long newThreadsAlive(Set<Thread> before) throws InterruptedException {
        Set<Thread> now = unitThreads();
        now.removeAll(before);
        for (Thread thread : now) {
            thread.join(1_000);
        }
        return now.stream().filter(Thread::isAlive).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
