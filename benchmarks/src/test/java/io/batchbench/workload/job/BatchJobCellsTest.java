package io.batchbench.workload.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.WrongResultException;

/**
 * Every framework × strategy processes each matching row exactly once and leaves the table as
 * the JDBC reference does. 5,000 rows hold 1,011 NEW ones; chunks of 300 leave a short last chunk.
 */
class BatchJobCellsTest {

    private static final long ROWS = 5_000;
    private static final int CHUNK = 300;
    private static final TrialCache TRIALS = new TrialCache("jobtest");
    private static TableChecksum reference;

    @BeforeAll
    static void runTheReference() {
        Trial jdbc = TRIALS.get(Frameworks.JDBC, ROWS);
        JobCheck check = jdbc.query(JobCheck::before);
        JobStrategy.KEYSET.run(jdbc.framework().batchJob(), CHUNK, new JobProgress("reference"));
        reference = jdbc.query(TableChecksum::rowsOf);
        jdbc.execute(check::reset);
    }

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    static Stream<Arguments> cells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(JobStrategy.values())
                .map(strategy -> Arguments.of(framework, strategy)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void processesEveryMatchingRowExactlyOnce(Frameworks framework, JobStrategy strategy) {
        Trial trial = TRIALS.get(framework, ROWS);
        JobCheck check = trial.query(JobCheck::before);
        assertThat(check.rows()).isBetween(900L, 1_100L);
        JobProgress progress = new JobProgress(framework + " " + strategy);

        WireCounts sent = trial.audit(audited -> strategy.run(audited.batchJob(), CHUNK, progress));

        assertThat(progress.verify(check.rows(), check.idSum())).isEqualTo(check.rows());
        trial.execute(connection -> check.verifyAfter(connection, framework + " " + strategy));
        assertThat(trial.query(TableChecksum::rowsOf)).isEqualTo(reference);
        long chunks = check.rows() / CHUNK + 1;
        assertThat(sent.commits()).as("a commit per chunk").isBetween(chunks, chunks + 1);
        // A switch expression: a new strategy does not compile until it says what it sends.
        Runnable promise = switch (strategy) {
            case OFFSET, KEYSET -> () -> {
                assertThat(sent.count("UPDATE")).isEqualTo(check.rows());
                assertThat(sent.count("SELECT")).as("a chunk loaded per query").isBetween(chunks, chunks + 1);
                assertThat(sent.roundTrips()).as("updates batched per chunk").isLessThan(check.rows() / 10);
            };
            case BULK -> () -> {
                assertThat(sent.count("UPDATE")).isEqualTo(chunks);
                assertThat(sent.count("SELECT")).isZero();
            };
        };
        promise.run();
        trial.execute(check::reset);
    }

    /**
     * The tutorials' loop advances the offset by a chunk after processing it; but the processed rows
     * no longer match, so each advance jumps over a chunk of rows that were never processed.
     */
    @Test
    void theTutorialsOffsetLoopSkipsRows() {
        Trial trial = TRIALS.get(Frameworks.JDBC, ROWS);
        JobCheck check = trial.query(JobCheck::before);
        JobProgress progress = new JobProgress("tutorial offset loop");

        trial.execute(connection -> tutorialOffsetLoop(connection, progress));

        assertThat(progress.rows()).isLessThan(check.rows() * 6 / 10);
        assertThatThrownBy(() -> progress.verify(check.rows(), check.idSum()))
                .isInstanceOf(WrongResultException.class)
                .hasMessageContaining("rows were skipped or repeated");
        assertThatThrownBy(() -> trial.execute(connection -> check.verifyAfter(connection, "tutorial offset loop")))
                .isInstanceOf(WrongResultException.class)
                .hasMessageContaining("with status NEW");
        trial.execute(check::reset);
    }

    private static void tutorialOffsetLoop(Connection connection, JobProgress progress) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT id FROM orders WHERE status = 'NEW' ORDER BY id LIMIT ? OFFSET ?");
             PreparedStatement process = connection.prepareStatement("UPDATE orders SET status = 'PAID' WHERE id = ?")) {
            for (int page = 0; ; page++) {
                read.setInt(1, CHUNK);
                read.setLong(2, (long) page * CHUNK);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.isEmpty()) {
                    return;
                }
                for (long id : ids) {
                    process.setLong(1, id);
                    process.executeUpdate();
                    progress.processed(id);
                }
            }
        }
    }
}
