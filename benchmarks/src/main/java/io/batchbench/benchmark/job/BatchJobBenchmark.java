package io.batchbench.benchmark.job;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import io.batchbench.audit.AuditLog;
import io.batchbench.benchmark.CheckedParams;
import io.batchbench.benchmark.LabelsOf;
import io.batchbench.benchmark.RowCount;
import io.batchbench.benchmark.TrialResults;
import io.batchbench.benchmark.WorkResults;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.relay.Rtt;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.Params;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.JobCheck;
import io.batchbench.workload.job.JobProgress;
import io.batchbench.workload.job.JobStrategy;

/**
 * The batch job of the tutorials on a {@code rows}-row table: every {@code NEW} order (20 % of
 * them, 10,000 by default) is processed exactly once, committing every {@code chunkSize} rows. One operation is the
 * whole job; the rows are put back and the table vacuumed after each, outside the measured region.
 *
 * <p>{@code offset} is the tutorials' loop in its correct form (the offset does not advance past
 * rows that the job itself made stop matching), {@code keyset} continues after the last id,
 * {@code bulk} updates each chunk with one statement without loading it. A job that skips or
 * repeats a row fails the run. {@code statusIndex=false} drops the (status, id) index first: the
 * predicate is then answered from the primary key order or a scan of the whole table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BatchJobBenchmark implements CheckedParams {

    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    public String framework;

    @Param({"offset", "keyset", "bulk"})
    @LabelsOf(JobStrategy.class)
    public String strategy;

    @Param("1000")
    public int chunkSize;

    @Param("50000")
    public long rows;

    /** Whether the index on (status, id) the job's predicate and order can use exists, as the tutorials advise. */
    @Param({"true", "false"})
    public String statusIndex;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private JobStrategy job;
    private JobCheck check;
    private String cell;

    @Override
    public void checkParams() {
        Frameworks.parse(framework);
        JobStrategy.parse(strategy);
        Params.positive("rows", rows);
        Params.positive("chunkSize", chunkSize);
        Params.flag("statusIndex", statusIndex);
        Rtt.parse(rtt);
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        job = JobStrategy.parse(strategy);
        cell = framework + " " + strategy + " batch job, chunkSize=" + chunkSize + ", statusIndex=" + statusIndex;
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(Chunks.MAX_ROWS),
                new Properties(), Rtt.parse(rtt));
        TrialResults.rttMeasured(trial.rttMeasured());
        if (!Params.flag("statusIndex", statusIndex)) {
            trial.execute(JobCheck::dropStatusIndex);
        }
        check = trial.query(JobCheck::before);
        AuditLog.record(benchmark, check.rows(), trial.audit(audited -> runJob(audited.batchJob())));
        checkAndReset();
    }

    @Benchmark
    public void batchJob(RowCount count) {
        count.rows += runJob(trial.framework().batchJob());
    }

    @Setup(Level.Invocation)
    public void startWork() {
        trial.work().start();
    }

    @TearDown(Level.Invocation)
    public void endJob() {
        trial.work().stop();
        checkAndReset();
    }

    private void checkAndReset() {
        trial.execute(connection -> check.verifyAfter(connection, cell));
        trial.execute(check::reset);
    }

    @TearDown(Level.Iteration)
    public void reportWork() {
        WorkResults.report(trial.work());
    }

    @TearDown(Level.Trial)
    public void closeTrial() {
        if (trial != null) {
            trial.close();
        }
    }

    private long runJob(BatchJob batchJob) {
        JobProgress progress = new JobProgress(cell);
        job.run(batchJob, chunkSize, progress);
        return progress.verify(check.rows(), check.idSum());
    }
}
