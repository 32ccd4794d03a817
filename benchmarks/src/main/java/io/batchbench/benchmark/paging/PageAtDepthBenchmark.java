package io.batchbench.benchmark.paging;

import java.util.List;
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
import io.batchbench.workload.Params;
import io.batchbench.workload.WrongResultException;
import io.batchbench.workload.paging.PageStrategy;
import io.batchbench.workload.paging.Paging;

/**
 * Reads one page of {@code pageSize} rows that starts {@code depth} rows into a {@code rows}-row
 * table, as a "next page" request does. One operation is one page, including taking a pooled
 * connection. {@code offset} makes the server walk and discard {@code depth} rows, so it slows
 * down with depth; {@code keyset} seeks the primary key index to the key the client got with the
 * previous page, so its cost should not depend on depth.
 *
 * <p>A separate class from the full scan because {@code cursor} has no "one page at depth". Before
 * measuring, one untimed page goes through the {@link io.batchbench.audit.WireAudit} relay and its
 * statements and round trips are written to audit.json.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PageAtDepthBenchmark implements CheckedParams {

    @Param({"jdbc", "hibernate", "springdata", "jooq", "mybatis"})
    @LabelsOf(Frameworks.class)
    public String framework;

    @Param({"offset", "keyset"})
    @LabelsOf(PageStrategy.class)
    public String strategy;

    @Param("100000")
    public long rows;

    @Param("100")
    public int pageSize;

    @Param({"0", "90000"})
    public long depth;

    /** Milliseconds the network adds to each round trip: 0 connects directly, more through a delay relay ({@link Rtt}). */
    @Param("0")
    public String rtt;

    private Trial trial;
    private PageStrategy page;
    private long afterId;
    private long expectedFirstId;
    private long expectedLastId;
    private int expectedSize;

    @Override
    public void checkParams() {
        Frameworks.parse(framework);
        PageStrategy.parse(strategy);
        Params.positive("rows", rows);
        Params.positive("pageSize", pageSize);
        Rtt.parse(rtt);
        if (depth < 0 || depth >= rows) {
            throw new IllegalArgumentException("depth " + depth + " is outside the " + rows
                    + "-row table; choose a depth from 0 to " + (rows - 1));
        }
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams benchmark) {
        checkParams();
        page = PageStrategy.parse(strategy);
        trial = Trial.open(Frameworks.parse(framework), rows, new FrameworkSettings(pageSize), new Properties(),
                Rtt.parse(rtt));
        TrialResults.rttMeasured(trial.rttMeasured());
        afterId = depth == 0 ? 0 : trial.idAtPosition(depth - 1);
        expectedFirstId = trial.idAtPosition(depth);
        expectedSize = (int) Math.min(pageSize, rows - depth);
        expectedLastId = trial.idAtPosition(depth + expectedSize - 1);
        AuditLog.record(benchmark, expectedSize, trial.audit(audited -> readAndCheck(audited.paging())));
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
    public List<?> pageAtDepth(RowCount count) {
        List<?> rowsOfPage = readAndCheck(trial.framework().paging());
        count.rows += rowsOfPage.size();
        return rowsOfPage;
    }

    /** The page holds exactly the rows at positions depth, depth + 1, ...: right count, right first and last key, in order. */
    private <T> List<T> readAndCheck(Paging<T> paging) {
        List<T> result = page.page(paging, depth, afterId, pageSize);
        long previous = Long.MIN_VALUE;
        for (T row : result) {
            long id = paging.id(row);
            if (id <= previous) {
                throw new WrongResultException(framework + " " + strategy + " page at depth " + depth
                        + " holds key " + id + " after key " + previous);
            }
            previous = id;
        }
        if (result.size() != expectedSize || paging.id(result.getFirst()) != expectedFirstId
                || previous != expectedLastId) {
            throw new WrongResultException(framework + " " + strategy + " page at depth " + depth + " holds "
                    + result.size() + " rows ending at key " + previous + "; expected " + expectedSize
                    + " rows with keys " + expectedFirstId + ".." + expectedLastId);
        }
        return result;
    }
}
