package io.batchbench.workload.update;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Every framework × strategy leaves the table exactly as the JDBC reference does (every column
 * of every row, ids included), and sends what its strategy promises on the wire. The update
 * changes 1,234 of 2,000 rows: two chunks, the second one short, and rows it must not touch.
 */
class UpdateCellsTest {

    private static final long TABLE_ROWS = 2_000;
    private static final long ROWS = 1_234;
    private static final int ROUND = 1;
    private static final TrialCache TRIALS = new TrialCache("updatetest");
    private static TableChecksum reference;

    @BeforeAll
    static void runTheReference() {
        Trial jdbc = TRIALS.get(Frameworks.JDBC, TABLE_ROWS);
        UpdateStrategy.BATCH.run(jdbc.framework().updating(), new UpdatePlan(ROWS, ROUND));
        reference = jdbc.query(TableChecksum::rowsOf);
    }

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    static Stream<Arguments> cells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(UpdateStrategy.values())
                .map(strategy -> Arguments.of(framework, strategy)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void leavesTheTableAsTheJdbcReferenceDoesAndSendsWhatTheStrategyPromises(Frameworks framework,
                                                                             UpdateStrategy strategy) {
        // Each cell starts from another round's amounts, so every row really changes.
        Trial trial = TRIALS.get(framework, TABLE_ROWS);
        UpdateStrategy.BULK.run(trial.framework().updating(), new UpdatePlan(ROWS, ROUND + 1));
        UpdatePlan plan = new UpdatePlan(ROWS, ROUND);

        WireCounts sent = trial.audit(audited -> strategy.run(audited.updating(), plan));

        trial.execute(connection -> UpdateCheck.verify(connection, framework + " " + strategy, plan));
        assertThat(trial.query(TableChecksum::rowsOf)).isEqualTo(reference);
        assertThat(sent.commits()).as("one transaction").isEqualTo(1);
        // A switch expression: a new strategy does not compile until it says what it sends.
        Runnable promise = switch (strategy) {
            case DIRTY_CHECK, PROJECTION -> () -> {
                assertThat(sent.count("UPDATE")).as("one UPDATE per changed row").isEqualTo(ROWS);
                assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
                assertThat(sent.count("SELECT")).as("a chunk loaded per query").isEqualTo(plan.chunks().size());
            };
            case BATCH -> () -> {
                assertThat(sent.count("UPDATE")).as("one UPDATE per changed row").isEqualTo(ROWS);
                assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 10);
                assertThat(sent.count("SELECT")).as("nothing loaded").isZero();
            };
            case BULK -> () -> {
                assertThat(sent.count("UPDATE")).isEqualTo(1);
                assertThat(sent.count("SELECT")).as("nothing loaded").isZero();
            };
            case VALUES -> () -> {
                assertThat(sent.count("UPDATE")).as("one per chunk").isEqualTo(plan.chunks().size());
                assertThat(sent.count("SELECT")).as("nothing loaded").isZero();
            };
        };
        promise.run();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void theMeasuredInstanceChangesTheSameRows(Frameworks framework) {
        Trial trial = TRIALS.get(framework, TABLE_ROWS);
        UpdateStrategy.BULK.run(trial.framework().updating(), new UpdatePlan(ROWS, ROUND + 1));

        UpdateStrategy.DIRTY_CHECK.run(trial.framework().updating(), new UpdatePlan(ROWS, ROUND));

        assertThat(trial.query(TableChecksum::rowsOf)).isEqualTo(reference);
    }

    static Stream<Frameworks> frameworks() {
        return Stream.of(Frameworks.values());
    }
}
