package io.batchbench.benchmark.harness;

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

import io.batchbench.benchmark.CheckedParams;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.OrderGenerator;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.workload.Params;

/**
 * Makes the fresh {@code CREATE DATABASE … TEMPLATE} clone that every trial starts from, of a
 * template that already exists. The harness's own cost between trials, not a workload.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(1)
@State(Scope.Benchmark)
public class CloneTemplateBenchmark implements CheckedParams {

    @Param("1000000")
    public long rows;

    private Datasets datasets;
    private TrialDatabase clone;

    @Override
    public void checkParams() {
        Params.positive("rows", rows);
    }

    @Setup(Level.Trial)
    public void buildTemplate() {
        checkParams();
        ServerHandoff handoff = ServerHandoff.fromSystemProperty();
        datasets = new Datasets(handoff.server(), handoff.runId());
        datasets.ensureTemplate(rows, OrderGenerator.DEFAULT_SEED);
    }

    @TearDown(Level.Iteration)
    public void dropClone() {
        clone.close();
    }

    @Benchmark
    public TrialDatabase cloneTemplate() {
        clone = datasets.cloneOf(rows, OrderGenerator.DEFAULT_SEED);
        return clone;
    }
}
