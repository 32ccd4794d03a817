package io.batchbench.benchmark.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
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
 * executor of the concurrent insert, at 4 workers, leaves the table as the single-threaded JDBC
 * reference does, each row processed exactly once; measured on the wire through the audit relay,
 * whose per-connection taps add up what the four connections sent.
 */
class ConcurrentCellsTest {

    private static final long ROWS = 5_000;
    private static final int CHUNK = 100;
    private static final int WORKERS = 4;
    private static final TrialCache TRIALS = new TrialCache("concurrenttest");
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

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("insertCells")
    void theInsertWritesExactlyTheSeededRows(Frameworks framework, InsertStrategy strategy, ExecutorKind kind) {
        Properties driver = new Properties();
        driver.setProperty("reWriteBatchedInserts", Boolean.toString(strategy == InsertStrategy.MULTIROW));
        Trial trial = trial(framework, driver);
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
}
