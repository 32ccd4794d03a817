package io.batchbench.benchmark.concurrent;

import java.util.Collections;
import java.util.Optional;
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
import io.batchbench.benchmark.QuickProfile;
import io.batchbench.benchmark.RowCount;
import io.batchbench.benchmark.TrialResults;
import io.batchbench.benchmark.WorkResults;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.relay.Rtt;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.Params;
import io.batchbench.workload.concurrent.ExecutorKind;
import io.batchbench.workload.concurrent.Latencies;
import io.batchbench.workload.concurrent.StageRunner;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.job.JobCheck;
import io.batchbench.workload.job.JobSplit;
import io.batchbench.workload.job.ProcessedIds;
import io.batchbench.workload.job.ReactiveJob;

/**
 * The batch job done by {@code workers} concurrent units: every {@code NEW} order of a
 * {@code rows}-row table (20 %) processed exactly once, committing every {@code chunkSize} rows.
 * {@code split=range} cuts the matching ids into one range per worker (no contention),
 * {@code skipLocked} lets every worker claim chunks from the shared table with {@code FOR UPDATE
 * SKIP LOCKED}, {@code bulk} claims and processes each chunk in one set-based UPDATE with
 * {@code SKIP LOCKED} in its subquery. One operation is the whole job; the rows are put back and
 * the table vacuumed after each, outside the measured region. {@code executor=reactive} runs the
 * same units on the framework's non-blocking stack ({@code Frameworks}: Vert.x in {@code jdbc}'s
 * place, Hibernate Reactive, jOOQ on R2DBC); a framework without one has no reactive cell, and
 * says why ({@link #notApplicable()}).
 *
 * <p>Exactly once is checked in every operation: each chunk logs its ids in
 * {@link ProcessedIds} in its own transaction (a repeated row fails that transaction on the
 * primary key), the units' committed rows and id sum must equal the matching rows' (inside the
 * measured method, so a wrong job fails the run), and afterwards no row may still match and the
 * log must hold exactly the matching ids. Secondary results as in {@link ConcurrentInsertBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ConcurrentJobBenchmark implements CheckedParams {

    /**
     * The quick profile runs the frameworks that have a non-blocking stack, so each is seen on all
     * three executors; {@code springdata} and {@code mybatis} run on threads only, with {@code -p}.
     */
    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    @QuickProfile({"jdbc", "hibernate", "jooq"})
    public String framework;

    /** The quick profile runs {@code skipLocked}, the queue idiom; {@code -p split=range,skipLocked,bulk} runs all three. */
    @Param({"range", "skipLocked", "bulk"})
    @LabelsOf(JobSplit.class)
    @QuickProfile("skipLocked")
    public String split;

    @Param({"platform", "virtual", "reactive"})
    @LabelsOf(ExecutorKind.class)
    public String executor;

    /** Units in flight at most. */
    @Param({"1", "4", "16"})
    public int workers;

    /** Connections in the trial's pool ({@link PoolSize}): {@code workers}, or at least as many. */
    @Param(PoolSize.WORKERS)
    public String pool;

    @Param("1000")
    public int chunkSize;

    @Param("50000")
    public long rows;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private JobSplit jobSplit;
    private ExecutorKind kind;
    private UnitRunner runner;
    private StageRunner stages;
    private final Latencies latencies = new Latencies();
    private JobCheck check;
    private String cell;

    @Override
    public void checkParams() {
        Frameworks.parse(framework);
        JobSplit.parse(split);
        ExecutorKind.parse(executor);
        Params.positive("workers", workers);
        PoolSize.parse(pool, workers);
        Params.positive("rows", rows);
        Params.positive("chunkSize", chunkSize);
        Rtt.parse(rtt);
    }

    /** A framework without a non-blocking stack has no reactive cell, and says why. */
    @Override
    public Optional<String> notApplicable() {
        return ExecutorKind.parse(executor) == ExecutorKind.REACTIVE
                ? Frameworks.parse(framework).noReactiveStack() : Optional.empty();
    }

    @Override
    public int connections() {
        return CheckedParams.connectionsFor(PoolSize.parse(pool, workers));
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        jobSplit = JobSplit.parse(split);
        kind = ExecutorKind.parse(executor);
        if (kind == ExecutorKind.REACTIVE) {
            stages = new StageRunner(workers);
        } else {
            runner = new UnitRunner(kind, workers);
        }
        cell = framework + " " + split + " " + executor + " workers=" + workers + " chunkSize=" + chunkSize;
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(Chunks.MAX_ROWS),
                new Properties(), Rtt.parse(rtt), PoolSize.parse(pool, workers));
        TrialResults.rttMeasured(trial.rttMeasured());
        TrialResults.perTrial("pool.size", trial.poolSize(), "connections");
        trial.execute(ProcessedIds::create);
        check = trial.query(JobCheck::before);
        AuditLog.record(benchmark, check.rows(), kind == ExecutorKind.REACTIVE
                ? trial.auditReactive(this::openConnections, audited -> runJob(audited.reactiveJob()))
                : trial.audit(audited -> runJob(audited.concurrentJob())),
                jobSplit.racesForChunks(workers) || kind.opensConnectionsOnDemand());
        checkAndReset();
        if (kind == ExecutorKind.REACTIVE) {
            trial.reactive(); // its bootstrap outside the measured region, as in the concurrent insert
        }
        latencies.clear();
    }

    @Setup(Level.Invocation)
    public void startWork() {
        trial.work().start();
    }

    @Benchmark
    public void concurrentJob(RowCount count) {
        count.rows += kind == ExecutorKind.REACTIVE ? runJob(trial.reactive().reactiveJob())
                : runJob(trial.framework().concurrentJob());
    }

    @TearDown(Level.Invocation)
    public void endJob() {
        trial.work().stop();
        checkAndReset();
    }

    @TearDown(Level.Iteration)
    public void reportWork() {
        WorkResults.report(trial.work());
        ConcurrencyResults.report(latencies, kind == ExecutorKind.REACTIVE ? stages.peakInFlight()
                : runner.peakInFlight());
    }

    @TearDown(Level.Trial)
    public void closeTrial() {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            if (trial != null) {
                trial.close();
            }
        }
    }

    private void checkAndReset() {
        trial.execute(connection -> check.verifyAfter(connection, cell));
        trial.execute(connection -> ProcessedIds.verify(connection, cell, check));
        trial.execute(check::reset);
        trial.execute(ProcessedIds::reset);
    }

    private long runJob(ConcurrentJob job) {
        ChunkLog log = new ChunkLog(cell, latencies::record);
        runner.run(jobSplit.units(job, workers, chunkSize, log));
        return log.verify(check.rows(), check.idSum());
    }

    private long runJob(ReactiveJob job) {
        ChunkLog log = new ChunkLog(cell, latencies::record);
        stages.run(jobSplit.units(job, workers, chunkSize, log), log::stop);
        return log.verify(check.rows(), check.idSum());
    }

    // The stack opens connections as units need them: open them all before the audit counts.
    private void openConnections(ReactiveFramework stack) {
        new StageRunner(workers).run(Collections.nCopies(workers, () -> stack.reactiveJob().matchingRange()), () -> { });
    }
}
