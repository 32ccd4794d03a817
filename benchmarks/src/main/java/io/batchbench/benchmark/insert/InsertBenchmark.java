package io.batchbench.benchmark.insert;

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
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.relay.Rtt;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.Params;
import io.batchbench.workload.insert.CommitEvery;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.SynchronousCommit;

/**
 * Inserts {@code rows} new orders into an empty table, committing every {@code commitEvery}
 * rows. One operation is the whole insert; the table is emptied before each one and checked
 * after it (count, ids unique, content checksum equal to the seeded dataset's), outside the
 * measured region.
 *
 * <p>{@code row} pays a round trip per row, and {@code commitEvery=1} a WAL flush per row (with
 * {@code synchronousCommit=on}); {@code batch}, {@code multirow} and {@code copy} send a chunk
 * of up to 1,000 rows at a time. Before measuring, one untimed operation goes through the
 * {@link io.batchbench.audit.WireAudit} relay and its statements and round trips are
 * written to audit.json.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class InsertBenchmark implements CheckedParams {

    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    public String framework;

    @Param({"row", "batch", "multirow", "copy"})
    @LabelsOf(InsertStrategy.class)
    public String strategy;

    @Param({"1", "100", "1000", "all"})
    public String commitEvery;

    @Param("1000")
    public long rows;

    @Param("on")
    @LabelsOf(SynchronousCommit.class)
    public String synchronousCommit;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private InsertStrategy insert;
    private InsertPlan plan;
    private TableChecksum expected;
    private String cell;

    @Override
    public void checkParams() {
        Params.positive("rows", rows);
        SynchronousCommit.parse(synchronousCommit);
        Rtt.parse(rtt);
        Frameworks.parse(framework).insertLimit().check(InsertStrategy.parse(strategy), CommitEvery.parse(commitEvery), rows);
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        insert = InsertStrategy.parse(strategy);
        plan = new InsertPlan(NewOrder.generate(rows), CommitEvery.parse(commitEvery));
        Properties driver = SynchronousCommit.parse(synchronousCommit).driverProperties();
        // Hibernate's multi-row form is pgjdbc rewriting its batches; the other frameworks' multirow
        // statements are single statements, which the setting leaves alone.
        driver.setProperty("reWriteBatchedInserts", Boolean.toString(insert == InsertStrategy.MULTIROW));
        cell = framework + " " + strategy + " commitEvery=" + commitEvery;
        // The trial starts from the seeded dataset of the same size: the contents every insert must reproduce.
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(Chunks.MAX_ROWS), driver,
                Rtt.parse(rtt));
        TrialResults.rttMeasured(trial.rttMeasured());
        expected = trial.query(TableChecksum::contentOf);
        trial.execute(InsertCheck::empty);
        AuditLog.record(benchmark, rows, trial.audit(audited -> insert.run(audited.inserting(), plan)));
        trial.execute(connection -> InsertCheck.verify(connection, cell + " (audited)", expected));
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        trial.execute(InsertCheck::empty);
        trial.work().start();
    }

    @Benchmark
    public void insert(RowCount count) {
        insert.run(trial.framework().inserting(), plan);
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
    }

    @TearDown(Level.Trial)
    public void closeTrial() {
        if (trial != null) {
            trial.close();
        }
    }
}
