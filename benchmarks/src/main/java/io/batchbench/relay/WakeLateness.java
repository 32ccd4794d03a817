package io.batchbench.relay;

/**
 * How late this machine wakes a thread parked for a given time: a running median of what the
 * writers of one relay observe, shared by all its connections because it belongs to the machine,
 * not to a connection (a new connection would otherwise start from a guess and hold its first
 * hundred chunks wrongly). Several writers may update it at once; an update lost to a race only
 * delays the estimate by a step.
 */
final class WakeLateness {

    /** Far beyond what a VM wakes a thread late with, unless it was descheduled, which says nothing of the next wake-up. */
    private static final long MAX_NANOS = 250_000;
    /** A step per wake-up: a running median moves by it, so that one wake-up of several milliseconds cannot drag it away. */
    private static final long STEP_NANOS = 1_000;

    private volatile long nanos = 50_000;

    long nanos() {
        return nanos;
    }

    /** Moves the estimate a step towards how late the thread woke, {@code late} nanoseconds after the time it asked for. */
    void observe(long late) {
        long current = nanos;
        nanos = Math.clamp(current + (late > current ? STEP_NANOS : -STEP_NANOS), 0, MAX_NANOS);
    }
}
