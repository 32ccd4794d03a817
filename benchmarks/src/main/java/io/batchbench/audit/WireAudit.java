package io.batchbench.audit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.batchbench.relay.Relay;

/**
 * A TCP relay between the driver and PostgreSQL that counts what really goes over the wire: the
 * statements the server is asked to execute, read from the frontend protocol messages
 * ({@link FrontendMessages}), and the round trips, the times the client stops at a point where
 * it waits (a Sync, a simple Query, the end of a COPY) and the server answers before the client
 * sends more. It is a {@link Relay} without delay, with a tap per connection that reads the bytes
 * before they are forwarded.
 *
 * <p>Counting on the wire rather than with a JDBC proxy (datasource-proxy) is what makes the
 * audit catch the traps: a JDBC proxy sees one {@code executeBatch} whether pgjdbc sends 1,000
 * INSERTs or rewrites them into 6 multi-row ones, never sees COPY (it runs on the unwrapped
 * {@code PGConnection}), and cannot tell how many times pgjdbc waits for the server inside a
 * batch. The relay sees all of it, for every framework alike. Connections through it must not use
 * TLS ({@code sslmode=disable}).
 */
public final class WireAudit implements AutoCloseable {

    private final WireTally tally = new WireTally();
    private final Relay relay;

    public WireAudit(String serverHost, int serverPort) {
        this.relay = new Relay("audit", serverHost, serverPort, 0, this::tap);
    }

    /** The local port to connect to instead of the server's. */
    public int port() {
        return relay.port();
    }

    public String host() {
        return relay.host();
    }

    /** Starts counting from zero: what connections sent while they were opened is not part of an operation. */
    public void reset() {
        tally.reset();
    }

    public WireCounts counts() {
        return tally.counts();
    }

    /** What went wrong in the relay, if anything: then the counts are not those of the operation. */
    public Optional<String> failure() {
        return relay.failure();
    }

    @Override
    public void close() {
        relay.close();
    }

    // A round trip: the client flushed up to a point where it waits, and the server answered before
    // the client sent anything more (a client that goes on writing did not wait). The tap sees the
    // client's bytes before they are forwarded, so the wait is noted before the server can answer it.
    private Relay.Tap tap() {
        FrontendMessages messages = new FrontendMessages(tally);
        AtomicBoolean awaiting = new AtomicBoolean();
        return new Relay.Tap() {
            @Override
            public void clientSent(byte[] buffer, int offset, int length) {
                awaiting.set(messages.feed(buffer, offset, length));
            }

            @Override
            public void serverSent(byte[] buffer, int offset, int length) {
                if (awaiting.getAndSet(false)) {
                    tally.roundTrip();
                }
            }
        };
    }
}
