package io.batchbench.workload.insert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.data.TableChecksum;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.WrongResultException;

/**
 * Every framework × strategy × commitEvery inserts exactly the seeded rows, and sends what its
 * strategy promises: measured on the wire, so a strategy that silently stops batching fails here.
 * 1,234 rows: more than one chunk of 1,000 in one transaction, and a short last transaction.
 */
class InsertCellsTest {

    private static final long ROWS = 1_234;
    private static final List<NewOrder> ORDERS = NewOrder.generate(ROWS);
    private static final TrialCache TRIALS = new TrialCache("inserttest");
    /** Each trial's seeded contents, read when it is opened, before its table is first emptied. */
    private static final Map<Trial, TableChecksum> SEEDED = new HashMap<>();

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    static Stream<Arguments> cells() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(InsertStrategy.values())
                .flatMap(strategy -> Stream.of("1", "100", "all").map(every -> Arguments.of(framework, strategy, every))));
    }

    @ParameterizedTest(name = "{0} {1} commitEvery={2}")
    @MethodSource("cells")
    void insertsExactlyTheSeededRowsAndSendsWhatTheStrategyPromises(Frameworks framework, InsertStrategy strategy,
                                                                     String commitEvery) {
        Trial trial = trial(framework, strategy);
        TableChecksum expected = seededContents(framework, strategy);
        InsertPlan plan = new InsertPlan(ORDERS, CommitEvery.parse(commitEvery));
        trial.execute(InsertCheck::empty);

        WireCounts sent = trial.audit(audited -> strategy.run(audited.inserting(), plan));

        trial.execute(connection -> InsertCheck.verify(connection, framework + " " + strategy, expected));
        long transactions = plan.transactions().size();
        assertThat(sent.commits()).as("one commit per transaction").isEqualTo(transactions);
        boolean chunked = !commitEvery.equals("1");
        // A switch expression: a new strategy does not compile until it says what it sends.
        Runnable promise = switch (strategy) {
            case ROW -> () -> {
                assertThat(sent.count("INSERT")).isEqualTo(ROWS);
                assertThat(sent.roundTrips()).isGreaterThanOrEqualTo(ROWS);
            };
            case BATCH -> () -> {
                assertThat(sent.count("INSERT")).isEqualTo(ROWS);
                if (chunked) {
                    assertThat(sent.roundTrips()).as("batched: far fewer waits than rows").isLessThan(ROWS / 5);
                }
            };
            case MULTIROW -> () -> {
                if (chunked) {
                    // pgjdbc's batch rewrite (Hibernate's multirow) cuts a chunk into power-of-two-sized
                    // INSERTs: 100 rows go as 64 + 32 + 4. A row-per-statement insert would send ROWS.
                    assertThat(sent.count("INSERT")).as("multi-row statements").isLessThan(ROWS / 10);
                    assertThat(sent.roundTrips()).isLessThan(ROWS / 5);
                }
            };
            case COPY -> () -> {
                assertThat(sent.count("COPY")).as("one per transaction").isEqualTo(transactions);
                assertThat(sent.count("INSERT")).isZero();
            };
        };
        promise.run();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void theMeasuredInstanceInsertsTheSameRows(Frameworks framework) {
        Trial trial = trial(framework, InsertStrategy.BATCH);
        trial.execute(InsertCheck::empty);

        InsertStrategy.BATCH.run(trial.framework().inserting(), new InsertPlan(ORDERS, 100));

        trial.execute(connection -> InsertCheck.verify(connection, framework + " batch", seededContents(framework,
                InsertStrategy.BATCH)));
    }

    static Stream<Frameworks> frameworks() {
        return Stream.of(Frameworks.values());
    }

    @Test
    void aTableThatIsNotEmptyBeforeTheInsertIsReported() {
        Trial trial = trial(Frameworks.JDBC, InsertStrategy.ROW);
        trial.execute(InsertCheck::empty);
        InsertStrategy.COPY.run(trial.framework().inserting(), new InsertPlan(ORDERS.subList(0, 3), 100));

        assertThatThrownBy(() -> trial.execute(InsertCheck::requireEmpty))
                .hasMessageContaining("orders holds 3 rows before the insert, and must be empty");
    }

    @Test
    void aMissingOrRepeatedRowFailsTheCheck() {
        Trial trial = trial(Frameworks.JDBC, InsertStrategy.ROW);
        TableChecksum expected = seededContents(Frameworks.JDBC, InsertStrategy.ROW);
        trial.execute(InsertCheck::empty);
        InsertStrategy.COPY.run(trial.framework().inserting(), new InsertPlan(ORDERS, 1000));
        trial.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM orders WHERE id = (SELECT min(id) FROM orders)");
            }
        });

        assertThatThrownBy(() -> trial.execute(connection -> InsertCheck.verify(connection, "jdbc copy", expected)))
                .isInstanceOf(WrongResultException.class)
                .hasMessageContaining("jdbc copy left 1233 rows");
    }

    private static Trial trial(Frameworks framework, InsertStrategy strategy) {
        Properties driver = new Properties();
        driver.setProperty("reWriteBatchedInserts", Boolean.toString(strategy == InsertStrategy.MULTIROW));
        Trial trial = TRIALS.get(framework, ROWS, driver);
        SEEDED.computeIfAbsent(trial, opened -> opened.query(TableChecksum::contentOf));
        return trial;
    }

    private static TableChecksum seededContents(Frameworks framework, InsertStrategy strategy) {
        return SEEDED.get(trial(framework, strategy));
    }
}
