package io.batchbench.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.db.Connections;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.relay.Rtt;
import io.batchbench.relay.ServerPath;
import io.batchbench.workload.paging.ScanStrategy;

/**
 * A trial at a distance: its pool goes through its own delay relay, it measures the round trip it
 * added, its audit counts what a direct trial counts, and closing it leaves no relay thread or
 * server connection behind; a relay that loses the server fails the trial with the cause.
 */
class TrialPathTest {

    private static final String RUN = "pathtest";
    private static final ServerHandoff HANDOFF = new ServerHandoff(RUN, TestServers.embedded());

    @AfterAll
    static void dropEverything() {
        new Datasets(TestServers.embedded(), RUN).dropAll();
    }

    @Test
    void aTrialAtADistanceMeasuresItsRoundTripAuditsAsADirectOneAndLeavesNothingBehind() throws Exception {
        WireCounts direct;
        try (Trial trial = open(Rtt.DIRECT)) {
            assertThat(trial.rttMeasured()).isZero();
            direct = trial.audit(audited -> ScanStrategy.KEYSET.scan(audited.paging(), 100, (id, row) -> { }));
        }
        String database;
        try (Trial trial = open(Rtt.parse("2"))) {
            database = trial.query(Connection::getCatalog);
            assertThat(trial.rttMeasured()).isBetween(1.9, 3.0);
            long[] visited = {0};
            ScanStrategy.KEYSET.scan(trial.framework().paging(), 100, (id, row) -> visited[0]++);
            assertThat(visited[0]).isEqualTo(1_000);
            WireCounts distant = trial.audit(audited -> ScanStrategy.KEYSET.scan(audited.paging(), 100, (id, row) -> { }));
            assertThat(distant).as("the audit does not depend on the rtt").isEqualTo(direct);
        }
        assertThat(relayThreads()).isZero();
        assertThat(connectionsTo(database)).isZero();
    }

    @Test
    void aRelayThatLosesTheServerFailsTheTrialWithTheCause() throws Exception {
        Trial trial = open(Rtt.parse("1"));
        String database = trial.query(Connection::getCatalog);
        try (Connection admin = Connections.openAdmin(TestServers.embedded());
             PreparedStatement terminate = admin.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
            terminate.setString(1, database);
            terminate.execute();
        }
        // pg_terminate_backend only signals the backends: close the trial once the relay has seen
        // them go, or the pool's own Terminate messages would tell the relay the client ended first.
        assertThat(relayedConnectionThreads()).as("relay threads of the terminated connections").isZero();

        assertThatThrownBy(trial::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the rtt relay lost the server at");
        assertThat(relayThreads()).isZero();
        assertThat(connectionsTo(database)).isZero();
    }

    @Test
    void aServerTheRelayCannotReachFailsTheTrialWithTheCause() throws Exception {
        var server = TestServers.embedded();
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // The clone is made on the real server; the pool is told to reach it at a port nobody listens on.
        var unreachable = new io.batchbench.fixtures.db.ServerCoordinates(server.provider(), server.host(), closedPort,
                server.adminDatabase(), server.user(), server.password(), server.properties());
        assertThatThrownBy(() -> Trial.open(HANDOFF, Frameworks.JDBC, 1_000, new FrameworkSettings(100),
                new Properties(), ServerPath.open(unreachable, Rtt.parse("1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the rtt relay cannot reach the server at " + server.host() + ":" + closedPort);
        assertThat(relayThreads()).isZero();
    }

    private static Trial open(Rtt rtt) {
        return Trial.open(HANDOFF, Frameworks.JDBC, 1_000, new FrameworkSettings(100), new Properties(), rtt);
    }

    private static long relayThreads() throws InterruptedException {
        return threadsLeft("batchbench-relay-.*", 2);
    }

    // A relayed connection's delay-line threads are named batchbench-relay-NAME-NUMBER-{up,down}-{read,write}.
    private static long relayedConnectionThreads() throws InterruptedException {
        return threadsLeft("batchbench-relay-.+-\\d+-(up|down)-(read|write)", 5);
    }

    /** The live threads whose names match, once none is left or after waiting that many seconds. */
    private static long threadsLeft(String names, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long count;
        do {
            count = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(thread -> thread.getName().matches(names)).count();
        } while (count > 0 && System.nanoTime() < deadline && pause());
        return count;
    }

    private static long connectionsTo(String database) throws Exception {
        try (Connection admin = Connections.openAdmin(TestServers.embedded());
             PreparedStatement count = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            count.setString(1, database);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long n;
            do {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            } while (n > 0 && System.nanoTime() < deadline && pause());
            return n;
        }
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }
}
