package io.batchbench.benchmark.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.WrongResultException;
import io.batchbench.workload.concurrent.ExecutorKind;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.concurrent.UnitRunnerTest;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.JobCheck;
import io.batchbench.workload.job.JobSplit;
import io.batchbench.workload.job.ProcessedIds;

/**
 * The concurrent forms of the tutorials' batch job that are wrong, caught by the checks every
 * concurrent operation runs; and a unit that fails stops the job with its cause and leaves no
 * transaction open. Each worker here is plain JDBC on its own pooled connection, as a unit is.
 */
class ConcurrentMistakesTest {

    private static final long ROWS = 5_000;
    private static final int CHUNK = 100;
    private static final TrialCache TRIALS = new TrialCache("mistakestest");
    private Trial trial;
    private JobCheck check;

    @BeforeEach
    void start() {
        trial = TRIALS.get(Frameworks.JDBC, ROWS, new Properties(), 2);
        trial.execute(ProcessedIds::create);
        check = trial.query(JobCheck::before);
    }

    @AfterEach
    void reset() {
        trial.execute(check::reset);
        trial.execute(ProcessedIds::reset);
    }

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    /**
     * Two workers share the pages by number (worker w reads pages w, w + 2, ...) with OFFSET, as a
     * tutorial parallelises its paging loop; but every processed row stops matching, so each OFFSET
     * lands past rows nobody processed, and a page read before the other worker's commit overlaps
     * the rows that worker is processing. Which of the two happens first depends on timing; either
     * is caught: a repeated row by the log's primary key, during the job; skipped rows by the
     * checks after it.
     */
    @Test
    void twoWorkersPagingWithOffsetOverAShrinkingResultSetSkipRows() {
        ChunkLog log = new ChunkLog("offset pages by worker", nanos -> { });
        List<Runnable> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int worker = w;
            workers.add(() -> trial.execute(connection -> {
                connection.setAutoCommit(false);
                for (int page = worker; ; page += 2) {
                    long[] ids = ids(connection, "SELECT id FROM orders WHERE status = 'NEW' ORDER BY id LIMIT "
                            + CHUNK + " OFFSET " + (long) page * CHUNK);
                    if (ids.length == 0) {
                        break;
                    }
                    process(connection, ids, log);
                }
                connection.setAutoCommit(true);
            }));
        }

        Throwable repeated;
        try (UnitRunner runner = new UnitRunner(ExecutorKind.PLATFORM, 2)) {
            repeated = catchThrowable(() -> runner.run(workers));
        }

        if (repeated != null) {
            assertThat(repeated).hasStackTraceContaining("duplicate key value violates unique constraint");
        }
        assertThatThrownBy(() -> log.verify(check.rows(), check.idSum()))
                .isInstanceOf(WrongResultException.class).hasMessageContaining("rows were skipped or repeated");
        assertThatThrownBy(() -> trial.execute(connection -> ProcessedIds.verify(connection, "offset pages", check)))
                .isInstanceOf(WrongResultException.class).hasMessageContaining("a row was skipped");
    }

    /**
     * Two workers each take "the next chunk" without SKIP LOCKED and without ranges: both read the same
     * chunk before either commits, and both process it. The processed-ids log's primary key refuses the
     * second, and the runner stops the job with that cause.
     */
    @Test
    void twoWorkersTakingTheSameNextChunkWithoutSkipLockedProcessItTwiceAndTheLogRefusesIt() {
        ChunkLog log = new ChunkLog("next chunk without SKIP LOCKED", nanos -> { });
        CyclicBarrier bothRead = new CyclicBarrier(2);
        Runnable worker = () -> trial.execute(connection -> {
            connection.setAutoCommit(false);
            try {
                long[] ids = ids(connection, "SELECT id FROM orders WHERE status = 'NEW' ORDER BY id LIMIT " + CHUNK);
                bothRead.await();
                process(connection, ids, log);
            } catch (Exception e) {
                connection.rollback();
                if (e instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e);
            } finally {
                connection.setAutoCommit(true);
            }
        });

        assertThatThrownBy(() -> new UnitRunner(ExecutorKind.VIRTUAL, 2).run(List.of(worker, worker)))
                .hasStackTraceContaining("duplicate key value violates unique constraint");

        // Counted in the table, not in the log: the failing worker stops the other, whose COMMIT the
        // server may have done before it could read the answer (an interrupted virtual thread's socket closes).
        assertThat(processedIds()).as("one of the two committed the chunk").isEqualTo(CHUNK);
        assertThat(log.rows()).as("the log holds at most that chunk").isLessThanOrEqualTo(CHUNK);
        assertThat(openTransactions()).as("the failed worker's transaction was rolled back").isZero();
    }

    private long processedIds() {
        return trial.query(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + ProcessedIds.TABLE);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A unit that fails in the middle of the job stops it with the cause; no thread and no open transaction stay. */
    @Test
    void aUnitThatFailsStopsTheJobWithItsCauseAndLeavesNoTransactionOpen() throws Exception {
        // A row already in the log: the unit that reaches it fails on the primary key, as a repeat would.
        trial.execute(connection -> ProcessedIds.record(connection, new long[] {(Long) check.matchingIds()[500]}));
        ChunkLog log = new ChunkLog("skipLocked with a poisoned row", nanos -> { });
        Set<Thread> before = UnitRunnerTest.unitThreads();
        try (UnitRunner runner = new UnitRunner(ExecutorKind.PLATFORM, 2)) {
            assertThatThrownBy(() -> runner.run(JobSplit.SKIP_LOCKED.units(trial.framework().concurrentJob(), 2, CHUNK,
                    log))).hasStackTraceContaining("duplicate key value violates unique constraint \"job_processed_pkey\"");
        }

        assertThat(log.rows()).isLessThan(check.rows());
        assertThat(openTransactions()).isZero();
        assertThat(UnitRunnerTest.newThreadsAlive(before)).as("unit threads left").isZero();
    }

    private long openTransactions() {
        return trial.query(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long[] ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(sql); ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static void process(Connection connection, long[] ids, ChunkLog log) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE orders SET status = 'PAID' WHERE id = ANY(?)")) {
            Long[] boxed = new Long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                boxed[i] = ids[i];
            }
            update.setArray(1, connection.createArrayOf("int8", boxed));
            update.executeUpdate();
        }
        ProcessedIds.record(connection, ids);
        connection.commit();
        log.committed(ids, start);
    }
}
