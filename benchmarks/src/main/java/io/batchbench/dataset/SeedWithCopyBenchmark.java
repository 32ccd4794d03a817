package io.batchbench.dataset;

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

import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.OrderGenerator;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.workload.Params;

/**
 * Builds the template database of a {@code rows}-row dataset from nothing, as the first trial
 * of a size does: CREATE DATABASE, generate and COPY the rows, build the key and indexes,
 * VACUUM FREEZE ANALYZE. Seeding rate = rows / score. The harness's own cost, not a workload.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SeedWithCopyBenchmark {

    @Param("1000000")
    public long rows;

    private ServerHandoff handoff;
    private Datasets datasets;
    private int iteration;

    @Setup(Level.Trial)
    public void readHandoff() {
        Params.positive("rows", rows);
        handoff = ServerHandoff.fromSystemProperty();
    }

    /** Each iteration builds into a name of its own, so none finds the template already there. */
    @Setup(Level.Iteration)
    public void freshNames() {
        datasets = new Datasets(handoff.server(), handoff.runId() + "_s" + iteration++);
    }

    @TearDown(Level.Iteration)
    public void dropTemplate() {
        datasets.dropAll();
    }

    @Benchmark
    public String seed() {
        return datasets.ensureTemplate(rows, OrderGenerator.DEFAULT_SEED);
    }
}
