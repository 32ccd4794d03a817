package io.batchbench.workload.concurrent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the units of one concurrent operation, at most {@code workers} at a time, on platform or
 * virtual threads, and returns when all have ended. The first unit that throws stops the others:
 * those not started never start, those running are interrupted (a unit looks at its thread's
 * interrupt flag between chunks), and its exception is rethrown once every unit has ended, so a
 * failed operation leaves no unit running and no connection held: each unit closes its own.
 *
 * <p>Platform threads are a fixed pool of {@code workers} kept for the runner's life (the trial),
 * as a batch job keeps its pool, and closed with it: the work meter reads the CPU of threads that
 * outlive its window, and would miss threads started and ended inside an operation. Virtual
 * threads are made per unit, as Loom intends, and run on carriers that outlive the window.
 */
public final class UnitRunner implements AutoCloseable {

    private final ExecutorKind kind;
    private final int workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private ExecutorService platform;

    public UnitRunner(ExecutorKind kind, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (kind == ExecutorKind.REACTIVE) {
            throw new IllegalArgumentException("reactive units are stages, which a StageRunner runs");
        }
        this.kind = kind;
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    /** The most units that were in flight at once since this runner was made (each holds one connection). */
    public int peakInFlight() {
        return peak.get();
    }

    /** Runs every unit; throws the first failure (unchecked as it was, else wrapped) after all units ended. */
    public void run(List<? extends Runnable> units) {
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Set<Thread> running = ConcurrentHashMap.newKeySet();
        // At most workers units at once; virtual threads are not pooled, so this is their bound too.
        Semaphore permits = new Semaphore(workers);
        ExecutorService executor = executor();
        try {
            for (Runnable unit : units) {
                if (!acquire(permits, firstFailure)) {
                    break;
                }
                if (firstFailure.get() != null) {
                    permits.release();
                    break;
                }
                executor.execute(() -> {
                    running.add(Thread.currentThread());
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        if (firstFailure.get() == null) {
                            unit.run();
                        }
                    } catch (Throwable failure) {
                        if (firstFailure.compareAndSet(null, failure)) {
                            running.stream().filter(thread -> thread != Thread.currentThread())
                                    .forEach(Thread::interrupt);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                        running.remove(Thread.currentThread());
                        Thread.interrupted(); // a pooled thread goes back clean
                        permits.release();
                    }
                });
            }
            // Every permit back: every unit started has ended.
            permits.acquireUninterruptibly(workers);
            permits.release(workers);
        } finally {
            if (kind == ExecutorKind.VIRTUAL) {
                executor.close();
            }
        }
        Throwable failure = firstFailure.get();
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("a unit failed: " + failure, failure);
        }
    }

    /** Ends the platform threads, if any; the runner cannot run again. */
    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
    }

    private static boolean acquire(Semaphore permits, AtomicReference<Throwable> firstFailure) {
        try {
            permits.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            firstFailure.compareAndSet(null, e);
            return false;
        }
    }

    private ExecutorService executor() {
        return switch (kind) {
            case PLATFORM -> {
                if (platform == null) {
                    platform = Executors.newFixedThreadPool(workers,
                            Thread.ofPlatform().name("unit-", 0).daemon(true).factory());
                }
                yield platform;
            }
            case VIRTUAL -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("unit-", 0).factory());
            case REACTIVE -> throw new IllegalStateException("refused by the constructor");
        };
    }
}
