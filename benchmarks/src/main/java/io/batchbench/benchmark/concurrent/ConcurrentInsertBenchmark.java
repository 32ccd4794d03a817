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
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.relay.Rtt;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.Params;
import io.batchbench.workload.concurrent.ExecutorKind;
import io.batchbench.workload.concurrent.Latencies;
import io.batchbench.workload.concurrent.StageRunner;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.insert.CommitEvery;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.SynchronousCommit;

/**
 * The insert workload done by {@code workers} concurrent units: {@code rows} new orders cut into
 * {@code commitEvery}-row transactions, each transaction one unit, at most {@code workers} in
 * flight, each on its own pooled connection (the pool holds {@code workers} connections in every
 * framework). A unit is the insert family's strategy on that transaction's rows, in the
 * framework's idiom, so a cell at {@code workers=1} is the insert family's cell run through the
 * units machinery. One operation is the whole insert; the table is emptied before it and checked
 * after it (count, unique ids, content checksum), outside the measured region.
 *
 * <p>What concurrency can buy here: a durable commit waits for the WAL flush, and commits that
 * arrive together share one flush (group commit), so short transactions gain from several
 * workers until the server's CPU or the disk is the limit. {@code executor} says what the units
 * run on; the work they send is the same. {@code executor=reactive} writes each transaction on the
 * framework's non-blocking stack ({@code Frameworks}: Vert.x in {@code jdbc}'s place, Hibernate
 * Reactive, jOOQ on R2DBC) with the strategy's idiom there; a framework without a stack, or a
 * strategy its stack has no idiom for, has no reactive cell and says why ({@link #notApplicable()}).
 * Secondary results: {@code chunk.p50} and {@code chunk.p99}, the time of one transaction from its
 * first statement to its acknowledged commit (ms), and {@code units.peak}, the most units (so
 * connections) in use at once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class ConcurrentInsertBenchmark implements CheckedParams {

    /**
     * The quick profile runs the frameworks that have a non-blocking stack, so each is seen on all
     * three executors; {@code springdata} and {@code mybatis} run on threads only, with {@code -p}.
     */
    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    @QuickProfile({"jdbc", "hibernate", "jooq"})
    public String framework;

    /** The quick profile runs {@code batch}, the strategy the concurrent question is about; the others are the insert family's. */
    @Param({"row", "batch", "multirow", "copy"})
    @LabelsOf(InsertStrategy.class)
    @QuickProfile("batch")
    public String strategy;

    @Param({"platform", "virtual", "reactive"})
    @LabelsOf(ExecutorKind.class)
    public String executor;

    /** Units in flight at most. */
    @Param({"1", "4", "16"})
    public int workers;

    /** Connections in the trial's pool ({@link PoolSize}): {@code workers}, or at least as many. */
    @Param(PoolSize.WORKERS)
    public String pool;

    @Param("100")
    public String commitEvery;

    @Param("10000")
    public long rows;

    @Param("on")
    @LabelsOf(SynchronousCommit.class)
    public String synchronousCommit;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private InsertStrategy insert;
    private InsertUnits units;
    private ExecutorKind kind;
    private UnitRunner runner;
    private StageRunner stages;
    private final Latencies latencies = new Latencies();
    private TableChecksum expected;
    private String cell;

    @Override
    public void checkParams() {
        Params.positive("rows", rows);
        Params.positive("workers", workers);
        PoolSize.parse(pool, workers);
        SynchronousCommit.parse(synchronousCommit);
        Rtt.parse(rtt);
        Frameworks.parse(framework);
        InsertStrategy.parse(strategy);
        CommitEvery.parse(commitEvery);
        // The limit is of the blocking idiom (jOOQ's Loader); the non-blocking stacks write each chunk themselves.
        if (ExecutorKind.parse(executor) != ExecutorKind.REACTIVE) {
            Frameworks.parse(framework).insertLimit().check(InsertStrategy.parse(strategy), CommitEvery.parse(commitEvery),
                    rows);
        }
    }

    @Override
    public int connections() {
        return CheckedParams.connectionsFor(PoolSize.parse(pool, workers));
    }

    /** A framework without a non-blocking stack, or a strategy its stack has no idiom for, has no reactive cell: says why. */
    @Override
    public Optional<String> notApplicable() {
        return ExecutorKind.parse(executor) == ExecutorKind.REACTIVE
                ? Frameworks.parse(framework).noReactiveInsert(InsertStrategy.parse(strategy)) : Optional.empty();
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        insert = InsertStrategy.parse(strategy);
        units = new InsertUnits(insert, NewOrder.generate(rows), CommitEvery.parse(commitEvery));
        kind = ExecutorKind.parse(executor);
        if (kind == ExecutorKind.REACTIVE) {
            stages = new StageRunner(workers);
        } else {
            runner = new UnitRunner(kind, workers);
        }
        Properties driver = SynchronousCommit.parse(synchronousCommit).driverProperties();
        driver.setProperty("reWriteBatchedInserts", Boolean.toString(insert == InsertStrategy.MULTIROW));
        cell = framework + " " + strategy + " " + executor + " workers=" + workers + " commitEvery=" + commitEvery;
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(Chunks.MAX_ROWS), driver,
                Rtt.parse(rtt), PoolSize.parse(pool, workers));
        TrialResults.rttMeasured(trial.rttMeasured());
        TrialResults.perTrial("pool.size", trial.poolSize(), "connections");
        expected = trial.query(TableChecksum::contentOf);
        trial.execute(InsertCheck::empty);
        AuditLog.record(benchmark, rows, kind == ExecutorKind.REACTIVE
                ? trial.auditReactive(this::openConnections, this::insertAll)
                : trial.audit(this::insertAll), kind.opensConnectionsOnDemand());
        trial.execute(connection -> InsertCheck.verify(connection, cell + " (audited)", expected));
        if (kind == ExecutorKind.REACTIVE) {
            trial.reactive(); // its bootstrap outside the measured region
        }
        latencies.clear();
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        trial.execute(InsertCheck::empty);
        trial.work().start();
    }

    @Benchmark
    public void insert(RowCount count) {
        if (kind == ExecutorKind.REACTIVE) {
            insertAll(trial.reactive());
        } else {
            insertAll(trial.framework());
        }
        count.rows += rows;
    }

    @TearDown(Level.Invocation)
    public void checkTable() {
        trial.work().stop();
        trial.execute(connection -> InsertCheck.verify(connection, cell, expected));
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

    private void insertAll(Framework framework) {
        units.run(framework, runner, latencies);
    }

    private void insertAll(ReactiveFramework stack) {
        units.run(stack, stages, latencies);
    }

    // The stack opens connections as units need them: open them all before the audit counts. Any
    // query does; the job's range query reads nothing here, as the table is empty.
    private void openConnections(ReactiveFramework stack) {
        new StageRunner(workers).run(Collections.nCopies(workers, () -> stack.reactiveJob().matchingRange()), () -> { });
    }
}
