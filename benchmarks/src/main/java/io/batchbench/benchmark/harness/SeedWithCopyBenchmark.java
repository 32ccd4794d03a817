package io.batchbench.benchmark.harness;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import io.batchbench.fixtures.db.Connections;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.relay.Rtt;
import io.batchbench.relay.ServerPath;
import io.batchbench.workload.Params;

/**
 * Seeding a {@code rows}-row dataset, the harness's own cost before the first trial of a size:
 * {@code copyRows} generates the rows and COPYs them into a new table (seeding rate = rows /
 * score); {@code buildTemplate} is the whole template database as trials clone it: CREATE
 * DATABASE, the COPY, the key and indexes, VACUUM FREEZE ANALYZE.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SeedWithCopyBenchmark implements CheckedParams {

    @Param("1000000")
    public long rows;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private ServerHandoff handoff;
    private ServerPath path;
    private Datasets datasets;
    private Connection emptyDatabase;
    private int iteration;

    @Override
    public void checkParams() {
        Params.positive("rows", rows);
        Rtt.parse(rtt);
    }

    @Setup(Level.Trial)
    public void readHandoff() {
        checkParams();
        handoff = ServerHandoff.fromSystemProperty();
        path = ServerPath.open(handoff.server(), Rtt.parse(rtt));
        TrialResults.rttMeasured(path.calibrate(handoff.server().adminDatabase()));
    }

    @TearDown(Level.Trial)
    public void closePath() {
        if (path != null) {
            path.close();
        }
    }

    /** Each iteration works under names of its own, so none finds the previous one's data. */
    @Setup(Level.Iteration)
    public void freshDatabase() throws SQLException {
        String runId = handoff.runId() + "_s" + iteration++;
        datasets = new Datasets(path.coordinates(), runId);
        String empty = Datasets.PREFIX + runId + "_copy";
        try (Connection admin = Connections.openAdmin(handoff.server()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + empty);
        }
        emptyDatabase = Connections.open(path.coordinates(), empty);
    }

    @TearDown(Level.Iteration)
    public void dropDatabases() throws SQLException {
        emptyDatabase.close();
        datasets.dropAll();
    }

    @Benchmark
    public void copyRows() throws SQLException, IOException {
        Datasets.copyRows(emptyDatabase, rows, new OrderGenerator(OrderGenerator.DEFAULT_SEED));
    }

    @Benchmark
    public String buildTemplate() {
        return datasets.ensureTemplate(rows, OrderGenerator.DEFAULT_SEED);
    }
}
