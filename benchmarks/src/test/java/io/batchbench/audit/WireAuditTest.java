package io.batchbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;

/** The relay counts exactly what pgjdbc sends: statements by verb and the waits for the server. */
class WireAuditTest {

    private static final String INSERT = "INSERT INTO orders (customer_id, status, amount, created_at, note)"
            + " VALUES (1, 'NEW', 1.00, now(), 'x')";

    private static RelayedDatabase database;
    private static WireAudit relay;
    private static Connection connection;

    @BeforeAll
    static void connectThroughTheRelay() throws Exception {
        database = new RelayedDatabase("wiretest");
        relay = database.relay();
        connection = database.connect(new Properties());
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        database.close();
    }

    @BeforeEach
    void startCounting() {
        relay.reset();
    }

    @Test
    void oneStatementInAutoCommitIsOneRoundTrip() throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(INSERT);
        }

        WireCounts counts = relay.counts();
        assertThat(counts.roundTrips()).isEqualTo(1);
        assertThat(counts.byVerb()).containsExactly(Map.entry("INSERT", 1L));
    }

    @Test
    void aBatchIsOneExecutePerRowButOneWaitAndTheCommitIsAnother() throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < 100; i++) {
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);

        WireCounts counts = relay.counts();
        assertThat(counts.count("INSERT")).isEqualTo(100);
        assertThat(counts.count("BEGIN")).isEqualTo(1);
        assertThat(counts.commits()).isEqualTo(1);
        assertThat(counts.statements()).isEqualTo(100);
        assertThat(counts.roundTrips()).isEqualTo(2);
    }

    @Test
    void aCopyOnTheUnwrappedConnectionIsSeen() throws Exception {
        CopyRows.copy(connection, List.of(NewOrder.generate(500)));

        WireCounts counts = relay.counts();
        assertThat(counts.byVerb()).containsExactly(Map.entry("COPY", 1L));
        // The COPY query, then the data once the server is ready for it.
        assertThat(counts.roundTrips()).isEqualTo(2);
    }

    /** Whether the pool checks a connection depends on how long it sat idle, not on the strategy. */
    @Test
    void thePoolsLivenessCheckIsNoRoundTripOfTheOperation() throws Exception {
        assertThat(connection.isValid(1)).isTrue();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(INSERT);
        }

        WireCounts counts = relay.counts();
        assertThat(counts.count("EMPTY")).as("pgjdbc's isValid sends an empty query").isEqualTo(1);
        assertThat(counts.statements()).isEqualTo(1);
        assertThat(counts.roundTrips()).isEqualTo(1);
    }
}
