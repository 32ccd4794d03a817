package io.batchbench.benchmark.paging;

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
import org.openjdk.jmh.infra.Blackhole;

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
import io.batchbench.workload.Params;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.ScanCheck;
import io.batchbench.workload.paging.ScanStrategy;

/**
 * Reads every row of a {@code rows}-row table in key order, {@code pageSize} rows at a time, in
 * one transaction. One operation is the whole scan.
 *
 * <p>The tutorial way, {@code offset}, re-reads and discards every row before each page, so a
 * scan costs O(rows²/pageSize); {@code keyset} starts each page at the previous page's last key
 * through the primary key index, O(rows); {@code cursor} runs one query and streams it from a
 * server-side cursor, {@code pageSize} rows per round trip. The scan is checked as it runs: a
 * strategy that skips or repeats a row fails the benchmark. Before measuring, one untimed scan
 * goes through the {@link io.batchbench.audit.WireAudit} relay and its statements and round trips
 * are written to audit.json.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FullScanBenchmark implements CheckedParams {

    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    public String framework;

    @Param({"offset", "keyset", "cursor"})
    @LabelsOf(ScanStrategy.class)
    public String strategy;

    @Param("10000")
    public long rows;

    @Param("100")
    public int pageSize;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private ScanStrategy scan;
    private long lastId;

    @Override
    public void checkParams() {
        Frameworks.parse(framework);
        ScanStrategy.parse(strategy);
        Params.positive("rows", rows);
        Params.positive("pageSize", pageSize);
        Rtt.parse(rtt);
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark, Blackhole blackhole) {
        checkParams();
        scan = ScanStrategy.parse(strategy);
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(pageSize), new Properties(),
                Rtt.parse(rtt));
        TrialResults.rttMeasured(trial.rttMeasured());
        lastId = trial.idAtPosition(rows - 1);
        AuditLog.record(benchmark, rows, trial.audit(audited -> scanAndCheck(audited.paging(), blackhole)));
    }

    /** The work of the measured operations: the whole iteration, since an operation has no setup of its own. */
    @Setup(Level.Iteration)
    public void startWork() {
        trial.work().start();
    }

    @TearDown(Level.Iteration)
    public void reportWork() {
        trial.work().stop();
        WorkResults.report(trial.work());
    }

    @TearDown(Level.Trial)
    public void closeTrial() {
        if (trial != null) {
            trial.close();
        }
    }

    @Benchmark
    public void fullScan(RowCount count, Blackhole blackhole) {
        count.rows += scanAndCheck(trial.framework().paging(), blackhole);
    }

    /** The rows of one whole scan, once they are known to be the whole table in key order. */
    private long scanAndCheck(Paging<?> paging, Blackhole blackhole) {
        ScanCheck check = new ScanCheck(framework + " " + strategy + " scan", blackhole, rows, lastId);
        scan.scan(paging, pageSize, check);
        return check.verified();
    }
}
