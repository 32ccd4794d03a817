package io.batchbench.workload.concurrent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs the units of one operation on a non-blocking stack: each unit is a stage, started by its
 * supplier, at most {@code workers} in flight; the next starts when one completes. No thread of
 * ours waits for the server, only the caller for the whole operation. The first unit that fails
 * calls {@code stop} (so the units in flight end before their next chunk), no unit starts after
 * it, and once those in flight have ended its cause is thrown.
 */
public final class StageRunner {

    private final int workers;
    private int peak;
    private int inFlight;
    private int next;
    private Throwable failure;

    public StageRunner(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    /** The most units that were in flight at once since this runner was made. */
    public synchronized int peakInFlight() {
        return peak;
    }

    public void run(List<? extends Supplier<? extends CompletionStage<?>>> units, Runnable stop) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            next = 0;
            inFlight = 0;
            failure = null;
        }
        for (int i = 0; i < workers; i++) {
            startNext(units, stop, done);
        }
        try {
            done.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("interrupted while the units ran", e.getCause());
        }
        Throwable cause;
        synchronized (this) {
            cause = failure;
        }
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause != null) {
            throw new IllegalStateException("a unit failed: " + cause, cause);
        }
    }

    private void startNext(List<? extends Supplier<? extends CompletionStage<?>>> units, Runnable stop,
                           CompletableFuture<Void> done) {
        Supplier<? extends CompletionStage<?>> unit;
        synchronized (this) {
            if (failure != null || next >= units.size()) {
                if (inFlight == 0) {
                    done.complete(null);
                }
                return;
            }
            unit = units.get(next++);
            inFlight++;
            peak = Math.max(peak, inFlight);
        }
        CompletionStage<?> stage;
        try {
            stage = unit.get();
        } catch (RuntimeException | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> {
            boolean first = false;
            synchronized (this) {
                inFlight--;
                if (error != null && failure == null) {
                    failure = error instanceof CompletionException wrapped && wrapped.getCause() != null
                            ? wrapped.getCause() : error;
                    first = true;
                }
            }
            if (first) {
                stop.run();
            }
            startNext(units, stop, done);
        });
    }
}
