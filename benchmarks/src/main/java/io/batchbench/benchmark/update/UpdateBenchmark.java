package io.batchbench.benchmark.update;

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
import io.batchbench.workload.update.UpdateCheck;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.UpdateStrategy;

/**
 * Gives the orders with ids 1..{@code rows} of a {@code tableRows}-row table new amounts, one
 * value per row ({@link UpdatePlan}), in one transaction. One operation is the whole update.
 *
 * <p>{@code dirtyCheck} is the ORM way (load, change, flush), {@code projection} the same loading
 * only id and amount, {@code batch} writes each row with
 * batched UPDATEs without reading, {@code bulk} is one set-based UPDATE computing the values,
 * {@code values} one set-based UPDATE per chunk that joins the chunk's values. Every strategy
 * ends in the same table; each operation is checked and the dead row versions it left are
 * vacuumed after it, outside the measured region.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class UpdateBenchmark implements CheckedParams {

    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    public String framework;

    @Param({"dirtyCheck", "projection", "batch", "bulk", "values"})
    @LabelsOf(UpdateStrategy.class)
    public String strategy;

    @Param({"1000", "10000"})
    public long rows;

    @Param("100000")
    public long tableRows;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private UpdateStrategy update;
    // Two rounds made once: operations alternate between them, so each one changes every row, and
    // no plan is built between operations, where -prof gc would count its allocation as theirs.
    private UpdatePlan[] plans;
    private UpdatePlan plan;
    private long operations;
    private String cell;

    @Override
    public void checkParams() {
        Frameworks.parse(framework);
        UpdateStrategy.parse(strategy);
        Params.positive("rows", rows);
        Params.positive("tableRows", tableRows);
        Rtt.parse(rtt);
        if (rows > tableRows) {
            throw new IllegalArgumentException("rows (" + rows + ") must not exceed tableRows (" + tableRows
                    + "): an operation updates ids 1..rows of the tableRows-row table");
        }
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        update = UpdateStrategy.parse(strategy);
        cell = framework + " " + strategy + " rows=" + rows;
        trial = Trial.open(Frameworks.parse(framework), tableRows, new FrameworkSettings(Chunks.MAX_ROWS),
                new Properties(), Rtt.parse(rtt));
        TrialResults.rttMeasured(trial.rttMeasured());
        plans = new UpdatePlan[] {new UpdatePlan(rows, 1), new UpdatePlan(rows, 2)};
        AuditLog.record(benchmark, rows, trial.audit(framework -> update.run(framework.updating(), plans[0])));
        trial.execute(connection -> UpdateCheck.verify(connection, cell + " (audited)", plans[0]));
        trial.execute(UpdateCheck::vacuum);
    }

    @Setup(Level.Invocation)
    public void nextRound() {
        plan = plans[(int) (++operations % 2)];
        trial.work().start();
    }

    @Benchmark
    public void update(RowCount count) {
        update.run(trial.framework().updating(), plan);
        count.rows += rows;
    }

    @TearDown(Level.Invocation)
    public void checkAndVacuum() {
        trial.work().stop();
        trial.execute(connection -> UpdateCheck.verify(connection, cell, plan));
        trial.execute(UpdateCheck::vacuum);
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
