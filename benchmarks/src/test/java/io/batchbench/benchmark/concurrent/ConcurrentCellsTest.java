package io.batchbench.benchmark.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.relay.Rtt;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.concurrent.ExecutorKind;
import io.batchbench.workload.concurrent.Latencies;
import io.batchbench.workload.concurrent.StageRunner;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.JobCheck;
import io.batchbench.workload.job.JobProgress;
import io.batchbench.workload.job.JobSplit;
import io.batchbench.workload.job.JobStrategy;
import io.batchbench.workload.job.ProcessedIds;

/**
 * Every framework × split × executor of the concurrent job, and every framework × strategy ×
 * executor of the concurrent insert, at 4 workers (the reactive inserts at 1 and 4), leaves the
 * table as the single-threaded JDBC reference does, each row processed exactly once; measured on
 * the wire through the audit relay, whose per-connection taps add up what the four connections sent.
 */
class ConcurrentCellsTest {

    private static final long ROWS = 5_000;
    private static final int CHUNK = 100;
    private static final int WORKERS = 4;
    private static final String RUN_ID = "concurrenttest";
    private static final TrialCache TRIALS = new TrialCache(RUN_ID);
    private static TableChecksum jobReference;

    @BeforeAll
    static void runTheReference() {
        Trial jdbc = trial(Frameworks.JDBC, new Properties());
        JobCheck check = jdbc.query(JobCheck::before);
        JobStrategy.KEYSET.run(jdbc.framework().batchJob(), CHUNK, new JobProgress("reference"));
        jobReference = jdbc.query(TableChecksum::rowsOf);
        jdbc.execute(check::reset);
    }

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    private static Trial trial(Frameworks framework, Properties driver) {
        Trial trial = TRIALS.get(framework, ROWS, driver, WORKERS);
        trial.execute(ProcessedIds::create);
        return trial;
    }

    static Stream<Arguments> jobCells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(JobSplit.values())
                .flatMap(split -> Stream.of(ExecutorKind.values())
                        .filter(kind -> kind != ExecutorKind.REACTIVE || framework.noReactiveStack().isEmpty())
                        .map(kind -> Arguments.of(framework, split, kind))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("jobCells")
    void theJobProcessesEveryMatchingRowExactlyOnce(Frameworks framework, JobSplit split, ExecutorKind kind) {
        Trial trial = trial(framework, new Properties());
        JobCheck check = trial.query(JobCheck::before);
        assertThat(check.rows()).isBetween(900L, 1_100L);
        String cell = framework + " " + split + " " + kind;
        ChunkLog log = new ChunkLog(cell, nanos -> { });

        try {
            runAndCheck(trial, check, framework, split, kind, cell, log);
        } finally {
            trial.execute(check::reset);
            trial.execute(ProcessedIds::reset);
        }
    }

    private static void runAndCheck(Trial trial, JobCheck check, Frameworks framework, JobSplit split,
                                    ExecutorKind kind, String cell, ChunkLog log) {
        int[] peak = new int[1];
        WireCounts sent;
        if (kind == ExecutorKind.REACTIVE) {
            StageRunner stages = new StageRunner(WORKERS);
            sent = trial.auditReactive(stack -> new StageRunner(WORKERS).run(
                            Collections.nCopies(WORKERS, () -> stack.reactiveJob().matchingRange()), () -> { }),
                    audited -> stages.run(split.units(audited.reactiveJob(), WORKERS, CHUNK, log), log::stop));
            peak[0] = stages.peakInFlight();
        } else {
            try (UnitRunner runner = new UnitRunner(kind, WORKERS)) {
                sent = trial.audit(audited -> runner.run(split.units(audited.concurrentJob(), WORKERS, CHUNK, log)));
                peak[0] = runner.peakInFlight();
            }
        }

        assertThat(log.verify(check.rows(), check.idSum())).isEqualTo(check.rows());
        trial.execute(connection -> check.verifyAfter(connection, cell));
        trial.execute(connection -> ProcessedIds.verify(connection, cell, check));
        assertThat(trial.query(TableChecksum::rowsOf)).isEqualTo(jobReference);
        assertThat(peak[0]).isBetween(1, WORKERS);
        long chunks = check.rows() / CHUNK;
        assertThat(sent.count("INSERT")).as("the processed-ids log: one INSERT per chunk")
                .isBetween(chunks, chunks + WORKERS);
        assertThat(sent.commits()).as("a commit per chunk").isGreaterThanOrEqualTo(chunks);
        // A switch expression: a new split does not compile until it says what it sends.
        Runnable promise = switch (split) {
            case RANGE, SKIP_LOCKED -> () -> {
                assertThat(sent.count("UPDATE")).isEqualTo(check.rows());
                if (framework == Frameworks.JOOQ && kind == ExecutorKind.REACTIVE) {
                    // r2dbc-postgresql executes a bound batch one binding at a time, waiting for each.
                    assertThat(sent.roundTrips()).as("one round trip per UPDATE").isGreaterThan(check.rows());
                } else {
                    assertThat(sent.roundTrips()).as("updates batched per chunk").isLessThan(check.rows() / 10);
                }
            };
            case BULK -> () -> {
                // One per chunk; at the end a unit may find fewer rows than a chunk unlocked (SKIP LOCKED
                // passes over another unit's), and each unit ends with an empty one.
                assertThat(sent.count("UPDATE")).as("one per chunk, a short one and an empty one per unit at most")
                        .isBetween(chunks, chunks + 1 + 2L * WORKERS);
                // Nothing loaded. On Hibernate ORM (hibernate, springdata) each unit's session sends one
                // SELECT of its own beside the chunks (seen on the wire, not yet identified); the others none.
                assertThat(sent.count("SELECT")).as(sent.toString()).isLessThanOrEqualTo(WORKERS);
            };
        };
        promise.run();
    }

    static Stream<Arguments> insertCells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(InsertStrategy.values())
                .flatMap(strategy -> Stream.of(ExecutorKind.PLATFORM, ExecutorKind.VIRTUAL)
                        .map(kind -> Arguments.of(framework, strategy, kind))));
    }

    private static Properties insertDriver(InsertStrategy strategy) {
        Properties driver = new Properties();
        driver.setProperty("reWriteBatchedInserts", Boolean.toString(strategy == InsertStrategy.MULTIROW));
        return driver;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("insertCells")
    void theInsertWritesExactlyTheSeededRows(Frameworks framework, InsertStrategy strategy, ExecutorKind kind) {
        Trial trial = trial(framework, insertDriver(strategy));
        TableChecksum expected = trial.query(TableChecksum::contentOf);
        trial.execute(InsertCheck::empty);
        InsertUnits units = new InsertUnits(strategy, NewOrder.generate(ROWS), 500);
        Latencies latencies = new Latencies();
        UnitRunner runner = new UnitRunner(kind, WORKERS);

        WireCounts sent;
        try (runner) {
            sent = trial.audit(audited -> units.run(audited, runner, latencies));
        }

        trial.execute(connection -> InsertCheck.verify(connection, framework + " " + strategy + " " + kind, expected));
        assertThat(units.size()).isEqualTo(10);
        assertThat(latencies.count()).as("one latency per transaction").isEqualTo(10);
        assertThat(sent.commits()).as("one commit per transaction").isEqualTo(10);
        assertThat(runner.peakInFlight()).isBetween(1, WORKERS);
        // The content of the table as it was seeded, for the next cell on this trial.
        trial.execute(InsertCheck::empty);
        try (UnitRunner one = new UnitRunner(kind, 1)) {
            units.run(trial.framework(), one, latencies);
        }
    }

    /** Every reactive insert cell there is: each framework with a stack × each strategy it has an idiom for. */
    static Stream<Arguments> reactiveInsertCells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(InsertStrategy.values())
                .filter(strategy -> framework.noReactiveInsert(strategy).isEmpty())
                .flatMap(strategy -> IntStream.of(1, WORKERS).mapToObj(workers -> Arguments.of(framework, strategy,
                        workers))));
    }

    @ParameterizedTest(name = "{0} {1} reactive workers={2}")
    @MethodSource("reactiveInsertCells")
    void theReactiveInsertWritesExactlyTheSeededRows(Frameworks framework, InsertStrategy strategy, int workers) {
        // The pool's rewrite setting means nothing to a stack: one trial per framework, and one stack,
        // those of the blocking insert cells without it (the server has 100 connections for them all).
        Trial trial = trial(framework, insertDriver(InsertStrategy.ROW));
        TableChecksum expected = trial.query(TableChecksum::contentOf);
        String cell = framework + " " + strategy + " reactive workers=" + workers;
        trial.execute(InsertCheck::empty);
        InsertUnits units = new InsertUnits(strategy, NewOrder.generate(ROWS), 500);
        Latencies latencies = new Latencies();
        StageRunner stages = new StageRunner(workers);

        WireCounts sent = trial.auditReactive(stack -> openConnections(stack, workers),
                audited -> units.run(audited, stages, latencies));

        trial.execute(connection -> InsertCheck.verify(connection, cell, expected));
        assertThat(latencies.count()).as("one latency per transaction").isEqualTo(10);
        assertThat(sent.commits()).as("one commit per transaction").isEqualTo(10);
        assertThat(stages.peakInFlight()).isBetween(1, workers);
        // A switch expression: a new strategy does not compile until it says what it sends.
        Runnable promise = switch (strategy) {
            case ROW -> () -> assertThat(sent.roundTrips()).as("a round trip per row").isGreaterThanOrEqualTo(ROWS);
            case BATCH -> () -> {
                assertThat(sent.count("INSERT")).as(sent.toString()).isEqualTo(ROWS);
                if (framework == Frameworks.JOOQ) {
                    // r2dbc-postgresql executes a bound batch one binding at a time, waiting for each.
                    assertThat(sent.roundTrips()).as("one round trip per INSERT").isGreaterThanOrEqualTo(ROWS);
                } else {
                    assertThat(sent.roundTrips()).as("a chunk per round trip").isLessThan(ROWS / 10);
                }
            };
            case MULTIROW -> () -> {
                assertThat(sent.count("INSERT")).as("one INSERT per 500-row chunk: " + sent).isEqualTo(10);
                assertThat(sent.roundTrips()).isLessThan(ROWS / 10);
            };
            case COPY -> () -> {
                assertThat(sent.count("COPY")).as("one COPY per transaction: " + sent).isEqualTo(10);
                assertThat(sent.roundTrips()).isLessThan(ROWS / 10);
            };
        };
        promise.run();

        // The trial's own stack, as the benchmark measures it, puts the seeded contents back for the next cell.
        trial.execute(InsertCheck::empty);
        units.run(trial.reactive(), new StageRunner(workers), latencies);
        trial.execute(connection -> InsertCheck.verify(connection, cell + " (trial's stack)", expected));
    }

    static Stream<Frameworks> reactiveStacks() {
        return Stream.of(Frameworks.values()).filter(framework -> framework.noReactiveStack().isEmpty());
    }

    /**
     * A reactive insert unit that fails stops the operation with its cause once the units in flight
     * have ended: its transaction rolled back, no transaction left open, and the stack's pool whole,
     * so the next operation gets all its connections.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reactiveStacks")
    void aReactiveInsertUnitThatFailsStopsTheOperationWithItsCauseAndLeavesNoConnectionBehind(Frameworks framework) {
        Trial trial = trial(framework, insertDriver(InsertStrategy.ROW));
        TableChecksum expected = trial.query(TableChecksum::contentOf);
        List<NewOrder> rows = NewOrder.generate(ROWS);
        NewOrder poisoned = rows.get(2_750); // in the sixth of ten transactions
        trial.execute(InsertCheck::empty);
        trial.execute(connection -> {
            try (PreparedStatement poison = connection.prepareStatement("ALTER TABLE orders ADD CONSTRAINT poison"
                    + " CHECK (note <> '" + poisoned.note().replace("'", "''") + "' OR customer_id <> "
                    + poisoned.customerId() + ")")) {
                poison.execute();
            }
        });
        ReactiveFramework stack = trial.reactive();
        InsertUnits units = new InsertUnits(InsertStrategy.BATCH, rows, 500);
        StageRunner stages = new StageRunner(WORKERS);
        try {
            assertThatThrownBy(() -> units.run(stack, stages, new Latencies()))
                    .hasStackTraceContaining("violates check constraint \"poison\"");

            long committed = trial.query(connection -> count(connection, "SELECT count(*) FROM orders"));
            assertThat(committed).as("whole transactions only, the failed one not among them")
                    .isLessThan(ROWS).matches(n -> n % 500 == 0);
            long open = trial.query(connection -> count(connection, "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'"));
            assertThat(open).as("transactions left open").isZero();
        } finally {
            trial.execute(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE orders DROP CONSTRAINT poison");
                }
            });
            trial.execute(InsertCheck::empty);
        }
        // Every connection back in the stack's pool: WORKERS units in flight get one each, or this waits forever.
        assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> units.run(stack, new StageRunner(WORKERS), new Latencies()));
        trial.execute(connection -> InsertCheck.verify(connection, framework + " after a failed unit", expected));
    }

    /**
     * The trial's server settings (pgjdbc's {@code options}, as {@code synchronousCommit} sets them)
     * reach every stack's connections: with a {@code lock_timeout}, an insert into a table another
     * transaction holds locked fails in time instead of waiting for it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reactiveStacks")
    void aReactiveStackConnectsWithTheTrialsServerSettings(Frameworks framework) {
        Properties lockTimeout = new Properties();
        lockTimeout.setProperty("options", "-c lock_timeout=200");
        InsertUnits units = new InsertUnits(InsertStrategy.BATCH, NewOrder.generate(1_000), 500);
        // A trial of its own, closed here: the cached ones hold most of the server's connections.
        try (Trial trial = Trial.open(new ServerHandoff(RUN_ID, TestServers.embedded()), framework, ROWS,
                new FrameworkSettings(Chunks.MAX_ROWS), lockTimeout, Rtt.DIRECT, 1)) {
            ReactiveFramework stack = trial.reactive();
            trial.execute(connection -> {
                connection.setAutoCommit(false);
                try (Statement lock = connection.createStatement()) {
                    lock.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
                    assertTimeoutPreemptively(Duration.ofMinutes(1), () -> assertThatThrownBy(
                            () -> units.run(stack, new StageRunner(1), new Latencies()))
                            .hasStackTraceContaining("lock timeout"));
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            });
        }
    }

    private static void openConnections(ReactiveFramework stack, int workers) {
        new StageRunner(workers).run(Collections.nCopies(workers, () -> stack.reactiveJob().matchingRange()), () -> { });
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql); ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
