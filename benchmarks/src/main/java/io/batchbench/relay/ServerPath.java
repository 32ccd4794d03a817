package io.batchbench.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

import io.batchbench.fixtures.db.Connections;
import io.batchbench.fixtures.db.ServerCoordinates;

/**
 * How a trial's connections reach PostgreSQL: directly at {@code rtt=0}, otherwise through a
 * delay {@link Relay} of its own that adds the round-trip time to every connection opened on
 * {@link #coordinates()}. It also measures what the path really adds ({@link #measureMillis}),
 * so a result never rests on the nominal value alone.
 */
public final class ServerPath implements AutoCloseable {

    private static final String PROBE = "SELECT 1";
    /** About three seconds of probing through the relay. */
    private static final double PROBE_BUDGET_MILLIS = 3_000;
    /**
     * Corrections of the hold at most: one can overshoot, as the first probe runs while the relay's
     * writers still learn how late this machine wakes them, and each probe's median has its noise.
     */
    private static final int CALIBRATION_STEPS = 3;
    /**
     * A network adds at least its round trip: the calibrated path adds between it and 10 % more,
     * aiming at the middle, so that the noise of one probe rarely puts it below.
     */
    private static final double CALIBRATION_BAND = 0.10;
    /** Direct round trips before measuring: pgjdbc's path through the JIT and to a server-prepared statement. */
    private static final int WARM_UP = 50;

    private final ServerCoordinates server;
    private final Rtt rtt;
    private final Relay relay;

    private ServerPath(ServerCoordinates server, Rtt rtt, Relay relay) {
        this.server = server;
        this.rtt = rtt;
        this.relay = relay;
    }

    /** A direct path at {@code rtt=0}; otherwise a relay is listening when this returns. */
    public static ServerPath open(ServerCoordinates server, Rtt rtt) {
        if (rtt.direct()) {
            return new ServerPath(server, rtt, null);
        }
        return new ServerPath(server, rtt, new Relay("rtt", server.host(), server.port(), rtt.oneWayNanos()));
    }

    public Rtt rtt() {
        return rtt;
    }

    /** Where to connect: the server itself, or the relay's loopback port with the server's database, user and properties. */
    public ServerCoordinates coordinates() {
        if (relay == null) {
            return server;
        }
        return new ServerCoordinates(server.provider(), relay.host(), relay.port(), server.adminDatabase(),
                server.user(), server.password(), server.properties());
    }

    /**
     * Sets the relay's hold so that the path adds the nominal round trip, and returns what it adds
     * then ({@link #measureMillis}). A relay that held each chunk for exactly half the round trip
     * would add more: its own threads wake late for each arrival, the bytes cross the loopback
     * twice more, and the server and the driver, idle for the whole round trip, wake late too (on
     * this suite's 2-core VM, 0.1–0.2 ms on a {@code SELECT 1} at 0.5 ms). Correcting the hold
     * by the measured error, a few times at most, brings what the path adds to between the
     * nominal round trip and 10 % more (noise aside); a path whose own cost exceeds the nominal
     * round trip (0.001 ms) holds nothing, and its measurement says what it adds. Exactly 0 at
     * {@code rtt=0}.
     */
    public double calibrate(String database) {
        double measured = measureMillis(database);
        double target = rtt.millis() * (1 + CALIBRATION_BAND / 2);
        for (int step = 0; step < CALIBRATION_STEPS && relay != null; step++) {
            long hold = relay.oneWayDelayNanos();
            boolean inBand = measured >= rtt.millis() && measured <= rtt.millis() * (1 + CALIBRATION_BAND);
            if (inBand || (hold == 0 && measured > target)) {
                break;
            }
            // Half the error each way, in nanoseconds.
            relay.oneWayDelayNanos(Math.max(0, hold - Math.round((measured - target) * 500_000)));
            measured = measureMillis(database);
        }
        return measured;
    }

    /** What the relay holds each chunk for in each direction, in milliseconds: 0 at {@code rtt=0}. */
    public double oneWayHoldMillis() {
        return relay == null ? 0 : relay.oneWayDelayNanos() / 1e6;
    }

    /**
     * What the path adds to a round trip, in milliseconds: the median time of a {@code SELECT 1}
     * through it minus the median of the same query on a direct connection. Each connection is
     * probed in blocks of back-to-back round trips, as a benchmark uses it (a direct probe right
     * after a slow relayed one would find its server process idle and cold, and count that as the
     * direct round trip), the blocks in turns so that both see the same machine. Exactly 0 at
     * {@code rtt=0}, where the path is the direct connection. Takes at most about three seconds
     * through the relay: 300 probes each way up to 10 ms, fewer (at least 20) beyond.
     */
    public double measureMillis(String database) {
        if (relay == null) {
            return 0;
        }
        int blocks = 10;
        int perBlock = (int) Math.clamp(Math.round(PROBE_BUDGET_MILLIS / rtt.millis() / blocks), 2, 30);
        try (Connection direct = Connections.open(server, database);
             Connection relayed = Connections.open(coordinates(), database);
             PreparedStatement directProbe = direct.prepareStatement(PROBE);
             PreparedStatement relayedProbe = relayed.prepareStatement(PROBE)) {
            for (int i = 0; i < WARM_UP; i++) {
                probe(directProbe);
            }
            for (int i = 0; i < Math.min(WARM_UP, perBlock); i++) {
                probe(relayedProbe);
            }
            long[] directNanos = new long[blocks * perBlock];
            long[] relayedNanos = new long[blocks * perBlock];
            for (int block = 0; block < blocks; block++) {
                probe(directProbe); // the first round trip after a pause is not a back-to-back one
                for (int i = 0; i < perBlock; i++) {
                    directNanos[block * perBlock + i] = probe(directProbe);
                }
                probe(relayedProbe);
                for (int i = 0; i < perBlock; i++) {
                    relayedNanos[block * perBlock + i] = probe(relayedProbe);
                }
            }
            check();
            return (median(relayedNanos) - median(directNanos)) / 1e6;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure the round trip through the rtt relay: " + e.getMessage()
                    + failure().map(f -> " (" + f + ")").orElse(""), e);
        }
    }

    /** What went wrong in the relay, if anything. */
    public Optional<String> failure() {
        return relay == null ? Optional.empty() : relay.failure();
    }

    /** Throws IllegalStateException with the relay's failure, if it had one: the trial's numbers would not be this path's. */
    public void check() {
        failure().ifPresent(failure -> {
            throw new IllegalStateException(failure);
        });
    }

    /** Ends the relay and its connections; throws if the relay failed at any time or a thread of it would not end. */
    @Override
    public void close() {
        if (relay != null) {
            relay.close();
            check();
        }
    }

    private static long probe(PreparedStatement probe) throws SQLException {
        long start = System.nanoTime();
        try (ResultSet rs = probe.executeQuery()) {
            rs.next();
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
