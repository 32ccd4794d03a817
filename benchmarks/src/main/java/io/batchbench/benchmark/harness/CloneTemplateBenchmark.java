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
import io.batchbench.benchmark.TrialResults;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.OrderGenerator;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.relay.Rtt;
import io.batchbench.relay.ServerPath;
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

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private ServerPath path;
    private Datasets datasets;
    private TrialDatabase clone;

    @Override
    public void checkParams() {
        Params.positive("rows", rows);
        Rtt.parse(rtt);
    }

    /** Builds the template directly; the clones are made through the trial's path. */
    @Setup(Level.Trial)
    public void buildTemplate() {
        checkParams();
        ServerHandoff handoff = ServerHandoff.fromSystemProperty();
        new Datasets(handoff.server(), handoff.runId()).ensureTemplate(rows, OrderGenerator.DEFAULT_SEED);
        path = ServerPath.open(handoff.server(), Rtt.parse(rtt));
        TrialResults.rttMeasured(path.calibrate(handoff.server().adminDatabase()));
        datasets = new Datasets(path.coordinates(), handoff.runId());
    }

    @TearDown(Level.Trial)
    public void closePath() {
        if (path != null) {
            path.close();
        }
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
