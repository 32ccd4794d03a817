package io.batchbench.benchmark;

import io.batchbench.trial.WorkMeter;

/**
 * Hands what a trial's {@link WorkMeter} measured in an iteration to JMH, per operation:
 * {@code cpu.client} and {@code cpu.server} in µs, {@code wal.bytes} in bytes. The report turns
 * them into work per row, as it does with {@code -prof gc}'s allocation. Beside them
 * {@code host.steal}, in % of the machine's CPU time during the same windows.
 */
public final class WorkResults {

    public static final String CLIENT_CPU = "cpu.client";
    public static final String SERVER_CPU = "cpu.server";
    public static final String WAL_BYTES = "wal.bytes";
    /** Not work: the share of the machine's CPU time the host took in the same windows, to tell a disturbed fork. */
    public static final String HOST_STEAL = "host.steal";

    private WorkResults() {
    }

    /** At the end of an iteration (@TearDown(Level.Iteration)): what the meter's windows measured in it. */
    public static void report(WorkMeter meter) {
        WorkMeter.Totals totals = meter.drain();
        if (!meter.enabled() || totals.windows() == 0) {
            return;
        }
        TrialResults.perOperation(CLIENT_CPU, totals.clientCpuNanos() / 1e3, "us/op");
        if (totals.serverCpuKnown()) {
            TrialResults.perOperation(SERVER_CPU, totals.serverCpuNanos() / 1e3, "us/op");
        }
        TrialResults.perOperation(WAL_BYTES, totals.walBytes(), "B/op");
        totals.stealPercent().ifPresent(steal -> TrialResults.perIteration(HOST_STEAL, steal, "%"));
    }
}
