package io.batchbench.workload.concurrent;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the units of one concurrent operation, at most {@code workers} at a time, on platform or
 * virtual threads, and returns when all have ended. The first unit that throws stops the others
 * (those not started never start, those running are interrupted, which a unit looking at its
 * thread's interrupt flag between chunks takes as its cue to stop) and its exception is rethrown
 * once every thread has ended, so a failed operation leaves no thread behind, and no connection:
 * each unit closes its own.
 *
 * <p>Threads are made per operation rather than kept for the trial: starting 16 platform threads
 * costs some 1 ms against operations of 100 ms and more here, and a pool that outlives its run
 * is exactly the leak a failure test must be able to rule out.
 */
public final class UnitRunner {

    private final ExecutorKind kind;
    private final int workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

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

    /** Runs every unit; throws the first failure (unchecked as it was, else wrapped) after all threads ended. */
    public void run(List<? extends Runnable> units) {
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        // Virtual threads are not pooled: a semaphore bounds how many run, as Loom's guidance says.
        Semaphore permits = new Semaphore(workers);
        Queue<Future<?>> started = new ConcurrentLinkedQueue<>();
        try (ExecutorService executor = executor()) {
            for (Runnable unit : units) {
                if (firstFailure.get() != null) {
                    break;
                }
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    firstFailure.compareAndSet(null, e);
                    break;
                }
                if (firstFailure.get() != null) {
                    permits.release();
                    break;
                }
                started.add(executor.submit(() -> {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        unit.run();
                    } catch (Throwable failure) {
                        if (firstFailure.compareAndSet(null, failure)) {
                            started.forEach(future -> future.cancel(true));
                        }
                    } finally {
                        inFlight.decrementAndGet();
                        permits.release();
                    }
                }));
                if (firstFailure.get() != null) {
                    started.forEach(future -> future.cancel(true));
                }
            }
        } // close() waits for every thread to end
        Throwable failure = firstFailure.get();
        if (failure == null) {
            for (Future<?> future : started) {
                awaitQuietly(future);
            }
            return;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("a unit failed: " + failure, failure);
    }

    private ExecutorService executor() {
        return switch (kind) {
            case PLATFORM -> Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("unit-", 0).factory());
            case VIRTUAL -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("unit-", 0).factory());
            case REACTIVE -> throw new IllegalStateException("refused by the constructor");
        };
    }

    private static void awaitQuietly(Future<?> future) {
        try {
            future.get();
        } catch (CancellationException | ExecutionException e) {
            throw new IllegalStateException("a unit ended without reporting its failure", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while units ran", e);
        }
    }
}
