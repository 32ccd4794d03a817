package io.batchbench.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A TCP relay in the benchmark's JVM between the driver and PostgreSQL, on a loopback port of its
 * own. Each connection it accepts gets a connection to the server and a {@link DelayLine} per
 * direction, which holds every chunk of bytes for {@code oneWayDelayNanos} before forwarding it,
 * in the order the chunks came: the round trip grows by twice the delay, and messages a client
 * pipelines stay pipelined. With no delay it simply forwards. A {@link Tap} sees each chunk before
 * it is forwarded, which is how the round-trip audit counts (io.batchbench.audit.WireAudit).
 *
 * <p>The relay fails loudly, never silently: a connection to the server that cannot be made, or a
 * server that ends a connection its client had not ended (no Terminate message, no closed socket),
 * is recorded as the relay's {@link #failure()} and printed at once; the client's socket is closed,
 * so the driver fails too. {@link #close()} ends every connection and waits for every thread; no
 * thread or socket of the relay outlives it.
 */
public final class Relay implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Sees the bytes of one connection before they are forwarded, on that direction's reading thread. */
    public interface Tap {
        void clientSent(byte[] buffer, int offset, int length);

        void serverSent(byte[] buffer, int offset, int length);
    }

    private static final Tap NO_TAP = new Tap() {
        @Override
        public void clientSent(byte[] buffer, int offset, int length) {
        }

        @Override
        public void serverSent(byte[] buffer, int offset, int length) {
        }
    };

    private final String name;
    private final String serverHost;
    private final int serverPort;
    private volatile long oneWayDelayNanos;
    private final Supplier<Tap> taps;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final WakeLateness lateness = new WakeLateness();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean closed;

    /** A relay that forwards without delay and without looking. */
    public Relay(String name, String serverHost, int serverPort, long oneWayDelayNanos) {
        this(name, serverHost, serverPort, oneWayDelayNanos, () -> NO_TAP);
    }

    /**
     * @param name             names the relay's threads ({@code batchbench-relay-NAME-...}) and its messages
     * @param oneWayDelayNanos how long each chunk is held in each direction; 0 forwards at once
     * @param taps             one tap per accepted connection
     */
    public Relay(String name, String serverHost, int serverPort, long oneWayDelayNanos, Supplier<Tap> taps) {
        this.name = name;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.oneWayDelayNanos = requireDelay(oneWayDelayNanos);
        this.taps = taps;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the " + name + " relay cannot open a local port: " + e.getMessage(), e);
        }
        this.acceptor = Thread.ofPlatform().daemon().name("batchbench-relay-" + name + "-accept").start(this::accept);
    }

    /** How long each chunk is held in each direction, in nanoseconds. */
    public long oneWayDelayNanos() {
        return oneWayDelayNanos;
    }

    /** Holds the chunks that arrive from now on, on every connection, for {@code nanos} in each direction. */
    public void oneWayDelayNanos(long nanos) {
        oneWayDelayNanos = requireDelay(nanos);
    }

    private static long requireDelay(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a delay cannot be negative: " + nanos + " ns");
        }
        return nanos;
    }

    /** The address to connect to instead of the server's. */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** What went wrong first, if anything did: a server that could not be reached or that ended a connection. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Connections with a thread that has not ended yet. */
    public int openConnections() {
        reap();
        return connections.size();
    }

    // A connection is kept until its threads have ended, so that close() can wait for them; then its buffers go.
    private void reap() {
        connections.removeIf(connection -> connection.threads().stream().noneMatch(Thread::isAlive));
    }

    /**
     * Ends every connection (what is in flight is dropped) and waits for the relay's threads.
     * Throws IllegalStateException if one of them does not end within seconds.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        List<Thread> threads = new ArrayList<>(List.of(acceptor));
        join(List.of(acceptor)); // no connection is added after this
        for (Connection connection : connections) {
            connection.close();
            threads.addAll(connection.threads());
        }
        List<String> alive = join(threads);
        if (!alive.isEmpty()) {
            throw new IllegalStateException("the " + name + " relay's threads did not end: " + String.join(", ", alive));
        }
    }

    private static List<String> join(List<Thread> threads) {
        long deadline = System.nanoTime() + JOIN_NANOS;
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    fail("stopped accepting connections: " + e.getMessage());
                }
                return;
            }
            reap();
            int number = accepted.incrementAndGet();
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(serverHost, serverPort), CONNECT_TIMEOUT_MILLIS);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection connection = new Connection(number, client, server);
                connections.add(connection);
                if (closed) {
                    connection.close();
                }
                connection.start();
            } catch (IOException e) {
                fail("cannot reach the server at " + serverHost + ":" + serverPort + " for connection " + number
                        + ": " + e.getMessage());
                closeQuietly(client);
                closeQuietly(server);
            }
        }
    }

    private void fail(String what) {
        String message = "the " + name + " relay " + what;
        if (failure.compareAndSet(null, message)) {
            System.err.println("batchbench: " + message);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    /** One client connection and its connection to the server, a delay line each way. */
    private final class Connection implements DelayLine.End {

        private static final int CANCEL_REQUEST = 80877102;

        private final int number;
        private final Socket client;
        private final Socket server;
        private final DelayLine up;
        private final DelayLine down;
        private final AtomicBoolean closing = new AtomicBoolean();
        // What the client said last and first: a Terminate at the end, or a CancelRequest, means
        // the server is about to end the connection, and that is no failure.
        private final byte[] head = new byte[8];
        private long clientBytes;
        private long tail;
        private volatile boolean clientDone;

        Connection(int number, Socket client, Socket server) throws IOException {
            this.number = number;
            this.client = client;
            this.server = server;
            Tap tap = taps.get();
            String prefix = "batchbench-relay-" + name + "-" + number;
            up = new DelayLine(prefix + "-up", client.getInputStream(), server.getOutputStream(),
                    Relay.this::oneWayDelayNanos, lateness,
                    (buffer, offset, length) -> {
                        noteClientBytes(buffer, offset, length);
                        tap.clientSent(buffer, offset, length);
                    }, this);
            down = new DelayLine(prefix + "-down", server.getInputStream(), client.getOutputStream(),
                    Relay.this::oneWayDelayNanos, lateness, tap::serverSent, this);
        }

        void start() {
            up.start();
            down.start();
        }

        List<Thread> threads() {
            List<Thread> threads = new ArrayList<>(List.of(up.threads()));
            threads.addAll(List.of(down.threads()));
            return threads;
        }

        private void noteClientBytes(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length && clientBytes + i < head.length; i++) {
                head[(int) clientBytes + i] = buffer[offset + i];
            }
            clientBytes += length;
            for (int i = Math.max(0, length - 5); i < length; i++) {
                tail = ((tail << 8) | (buffer[offset + i] & 0xff)) & 0xff_ffff_ffffL;
            }
            boolean terminate = tail == (((long) 'X' << 32) | 4);
            boolean cancel = clientBytes >= 8 && ((head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8
                    | (head[3] & 0xff)) == 16 && ((head[4] & 0xff) << 24 | (head[5] & 0xff) << 16
                    | (head[6] & 0xff) << 8 | (head[7] & 0xff)) == CANCEL_REQUEST;
            if (terminate || cancel) {
                clientDone = true;
            }
        }

        @Override
        public void observerFailed(DelayLine line, RuntimeException failure) {
            fail("could not read what passed on connection " + number + ": " + failure);
        }

        @Override
        public void readerEnded(DelayLine line, IOException failure) {
            if (line == up) {
                clientDone = true; // the client closed its socket (or the relay closed it)
            }
        }

        /** The first direction to end decides whether the server was lost; then both sockets close. */
        @Override
        public void ended(DelayLine line, IOException readFailure, IOException writeFailure) {
            if (closing.compareAndSet(false, true)) {
                boolean serverEnded = line == down ? writeFailure == null : writeFailure != null;
                if (serverEnded && !clientDone && !closed) {
                    IOException cause = line == down ? readFailure : writeFailure;
                    fail("lost the server at " + serverHost + ":" + serverPort + " on connection " + number + ": "
                            + (cause == null ? "the server closed it" : cause.getMessage()));
                }
                close();
            }
        }

        void close() {
            closing.set(true);
            up.stop();
            down.stop();
            closeQuietly(client);
            closeQuietly(server);
        }
    }
}
