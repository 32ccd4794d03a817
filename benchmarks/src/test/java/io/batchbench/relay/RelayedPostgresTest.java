package io.batchbench.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.batchbench.audit.WireAudit;
import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.Connections;
import io.batchbench.fixtures.db.ServerCoordinates;

/**
 * PostgreSQL through the delay relay, as a trial's pool reaches it: a multi-megabyte COPY goes in
 * and comes back intact, a 1,000-statement batch costs its few audited round trips and not one per
 * statement, the added round trip is measured close to the nominal one, and a server that ends a
 * connection fails the path with the cause. Timing bounds are generous (a busy 2-core VM).
 */
class RelayedPostgresTest {

    private static ServerCoordinates server;
    private static Datasets datasets;
    private static TrialDatabase database;

    @BeforeAll
    static void cloneADatabase() {
        server = TestServers.embedded();
        datasets = new Datasets(server, "relaytest");
        database = datasets.cloneOf(10, 1);
    }

    @AfterAll
    static void drop() {
        try {
            database.close();
        } finally {
            datasets.dropAll();
        }
    }

    @Test
    void aMultiMegabyteCopyGoesInAndComesBackIntact() throws Exception {
        byte[] lines = copyText(6 << 20);
        try (ServerPath path = ServerPath.open(server, Rtt.parse("1"));
             Connection connection = Connections.open(path.coordinates(), database.name())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE lines (n int, line text)");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long in = copy.copyIn("COPY lines FROM STDIN", new ByteArrayInputStream(lines));
            ByteArrayOutputStream out = new ByteArrayOutputStream(lines.length);
            long back = copy.copyOut("COPY (SELECT * FROM lines ORDER BY n) TO STDOUT", out);

            assertThat(back).isEqualTo(in);
            assertThat(out.size()).isEqualTo(lines.length);
            assertThat(out.toByteArray()).isEqualTo(lines); // not isEqualTo's diff of 6 MB on failure: a byte count first
            assertThat(path.failure()).isEmpty();
        }
    }

    @Test
    void aThousandStatementBatchCostsItsFewAuditedRoundTripsNotOnePerStatement() throws Exception {
        int rttMillis = 50;
        // The audit relay counts in front of the delay relay, so one execution gives both the time and the count.
        try (ServerPath path = ServerPath.open(server, Rtt.parse(String.valueOf(rttMillis)));
             WireAudit audit = new WireAudit(path.coordinates().host(), path.coordinates().port())) {
            ServerCoordinates counted = new ServerCoordinates(server.provider(), audit.host(), audit.port(),
                    server.adminDatabase(), server.user(), server.password(), java.util.Map.of("sslmode", "disable"));
            try (Connection connection = Connections.open(counted, database.name())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMPORARY TABLE batched (n int)");
                }
                connection.setAutoCommit(false);
                audit.reset();
                long start = System.nanoTime();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched VALUES (?)")) {
                    for (int i = 0; i < 1_000; i++) {
                        insert.setInt(1, i);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                double millis = (System.nanoTime() - start) / 1e6;
                WireCounts counts = audit.counts();

                assertThat(counts.count("INSERT")).isEqualTo(1_000);
                // pgjdbc waits for the server every ~256 statements of a batch, and once for the COMMIT.
                assertThat(counts.roundTrips()).isBetween(2L, 10L);
                assertThat(millis).as("%d round trips of %d ms", counts.roundTrips(), rttMillis)
                        .isBetween(counts.roundTrips() * rttMillis * 0.95, (counts.roundTrips() + 3.0) * rttMillis);
            }
        }
    }

    @Test
    void theAddedRoundTripIsMeasuredCloseToTheNominalOne() {
        try (ServerPath path = ServerPath.open(server, Rtt.parse("2"))) {
            double measured = path.measureMillis(database.name());
            assertThat(measured).isBetween(1.95, 3.0);
        }
    }

    @Test
    void calibrationHoldsLessByWhatThePathAddsBeyondTheNominalRoundTrip() {
        try (ServerPath path = ServerPath.open(server, Rtt.parse("2"))) {
            double measured = path.calibrate(database.name());
            // The relay's threads, the loopback and the idle server add to the hold, never take from it:
            // the hold each way ends below half the round trip, by half of what they add (noise aside).
            assertThat(path.oneWayHoldMillis()).isBetween(0.5, 1.02);
            assertThat(measured).isBetween(1.8, 2.5);
        }
        try (ServerPath direct = ServerPath.open(server, Rtt.DIRECT)) {
            assertThat(direct.measureMillis(database.name())).isZero();
            assertThat(direct.coordinates()).isEqualTo(server);
        }
    }

    @Test
    void aServerThatEndsAConnectionFailsThePathWithTheCause() throws Exception {
        ServerPath path = ServerPath.open(server, Rtt.parse("1"));
        try (Connection relayed = Connections.open(path.coordinates(), database.name())) {
            int pid = pid(relayed);
            try (Connection admin = Connections.openAdmin(server);
                 PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                terminate.setInt(1, pid);
                terminate.execute();
            }
            assertThatThrownBy(() -> pid(relayed)).isInstanceOf(SQLException.class);
        }
        assertThat(path.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .contains("lost the server at " + server.host() + ":" + server.port()));
        assertThatThrownBy(path::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("lost the server");
        assertThat(RelayTest.relayThreads("batchbench-relay-rtt")).isEmpty();
    }

    @Test
    void closingConnectionsAndThePathIsNoFailureAndLeavesNothingBehind() throws Exception {
        ServerPath path = ServerPath.open(server, Rtt.parse("0.5"));
        for (int i = 0; i < 3; i++) {
            try (Connection relayed = Connections.open(path.coordinates(), database.name())) {
                assertThat(pid(relayed)).isPositive();
            }
        }
        Connection leftOpen = Connections.open(path.coordinates(), database.name());
        int pid = pid(leftOpen);

        path.close();

        assertThat(RelayTest.relayThreads("batchbench-relay-rtt")).isEmpty();
        assertThat(path.failure()).isEmpty();
        assertThatThrownBy(() -> pid(leftOpen)).isInstanceOf(SQLException.class);
        try (Connection admin = Connections.openAdmin(server);
             PreparedStatement backend = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            backend.setInt(1, pid);
            long deadline = System.nanoTime() + 5_000_000_000L;
            long count;
            do {
                try (ResultSet rs = backend.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            } while (count > 0 && System.nanoTime() < deadline && sleep());
            assertThat(count).as("the server's side of the connection left open").isZero();
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** COPY text lines of about {@code bytes} bytes: numbered, with text of every length and some non-ASCII. */
    private static byte[] copyText(int bytes) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(bytes + 200);
        for (int n = 0; text.length() < bytes; n++) {
            text.append(n).append('\t');
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(i % 50 == 49 ? 'é' : (char) ('a' + random.nextInt(26)));
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
