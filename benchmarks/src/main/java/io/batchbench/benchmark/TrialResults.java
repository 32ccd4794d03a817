package io.batchbench.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secondary results a benchmark measures itself, beside JMH's score: the measured round-trip
 * time, the work an operation caused, a latency percentile. The benchmark records a value for
 * the current iteration; at the end of every iteration {@link TrialResultsProfiler}, which the
 * launcher adds to every run, hands what was recorded to JMH, so it lands in jmh.json with one
 * sample per iteration and fork like any other secondary metric. A value recorded once per trial
 * (in its setup) is reported in every iteration of the trial.
 */
public final class TrialResults {

    /**
     * One value and its unit, as JMH will show it.
     *
     * @param perOperation a total over the iteration, which the profiler divides by the
     *                     iteration's operations (as {@code -prof gc} reports allocation)
     */
    record Value(double value, String unit, boolean perOperation) {
    }

    /**
     * What the trial's network path adds to a round trip, in ms, measured when the trial opened
     * (io.batchbench.relay.ServerPath): 0 at {@code rtt=0}. The report predicts a cell's extra time
     * at an rtt from it and the cell's audited round trips.
     */
    public static final String RTT_MEASURED = "rtt.measured";

    private static final Map<String, Value> PER_TRIAL = new LinkedHashMap<>();
    private static final Map<String, Value> PER_ITERATION = new LinkedHashMap<>();

    private TrialResults() {
    }

    /** A value that holds for the whole trial, reported in each of its iterations. */
    public static synchronized void perTrial(String name, double value, String unit) {
        PER_TRIAL.put(name, new Value(value, unit, false));
    }

    /** Records {@link #RTT_MEASURED} for the trial, in ms. */
    public static void rttMeasured(double millis) {
        perTrial(RTT_MEASURED, millis, "ms");
    }

    /** A value for the iteration under way; the last one recorded before it ends is reported. */
    public static synchronized void perIteration(String name, double value, String unit) {
        PER_ITERATION.put(name, new Value(value, unit, false));
    }

    /**
     * A total over the iteration under way (CPU time, bytes written), reported per operation:
     * divided by the iteration's operations, in {@code unitPerOperation}.
     */
    public static synchronized void perOperation(String name, double total, String unitPerOperation) {
        PER_ITERATION.put(name, new Value(total, unitPerOperation, true));
    }

    /** What the iteration that just ended reports; the per-iteration values are cleared for the next. */
    static synchronized Map<String, Value> endIteration() {
        Map<String, Value> values = new LinkedHashMap<>(PER_TRIAL);
        values.putAll(PER_ITERATION);
        PER_ITERATION.clear();
        return values;
    }

    /** Forgets everything: a new trial starts (JMH runs one trial per fork, but a test may run several). */
    public static synchronized void clear() {
        PER_TRIAL.clear();
        PER_ITERATION.clear();
    }
}
