package io.batchbench.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay between the driver and PostgreSQL that counts what really goes over the wire: the
 * statements the server is asked to execute, read from the frontend protocol messages
 * ({@link FrontendMessages}), and the round trips, the times the client stops at a point where
 * it waits (a Sync, a simple Query, the end of a COPY) and the server answers before the client
 * sends more.
 *
 * <p>Counting on the wire rather than with a JDBC proxy (datasource-proxy) is what makes the
 * audit catch the traps: a JDBC proxy sees one {@code executeBatch} whether pgjdbc sends 1,000
 * INSERTs or rewrites them into 6 multi-row ones, never sees COPY (it runs on the unwrapped
 * {@code PGConnection}), and cannot tell how many times pgjdbc waits for the server inside a
 * batch. The relay sees all of it, for every framework alike. Connections through it must not use
 * TLS ({@code sslmode=disable}).
 */
public final class WireAudit implements AutoCloseable {

    private final String serverHost;
    private final int serverPort;
    private final ServerSocket listener;
    private final WireTally tally = new WireTally();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public WireAudit(String serverHost, int serverPort) {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit relay's local port", e);
        }
        Thread.ofPlatform().daemon().name("batchbench-audit-accept").start(this::accept);
    }

    /** The local port to connect to instead of the server's. */
    public int port() {
        return listener.getLocalPort();
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** Starts counting from zero: what connections sent while they were opened is not part of an operation. */
    public void reset() {
        tally.reset();
    }

    public WireCounts counts() {
        return tally.counts();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void accept() {
        while (!closed.get()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                FrontendMessages messages = new FrontendMessages(tally);
                // A round trip: the client flushed up to a point where it waits, and the server answered
                // before the client sent anything more (a client that goes on writing did not wait).
                AtomicBoolean awaiting = new AtomicBoolean();
                Thread.ofPlatform().daemon().name("batchbench-audit-up").start(() -> pump(client, server,
                        (buffer, n) -> awaiting.set(messages.feed(buffer, n))));
                Thread.ofPlatform().daemon().name("batchbench-audit-down").start(() -> pump(server, client,
                        (buffer, n) -> {
                            if (awaiting.getAndSet(false)) {
                                tally.roundTrip();
                            }
                        }));
            } catch (IOException e) {
                if (!closed.get()) {
                    throw new UncheckedIOException("the audit relay stopped accepting connections", e);
                }
            }
        }
    }

    private interface Observer {
        void bytes(byte[] buffer, int length);
    }

    // Observes bytes before forwarding them, so the client's wait is noted before the server can answer it.
    private static void pump(Socket from, Socket to, Observer observer) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                observer.bytes(buffer, n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException endOfConnection) {
            // the other side closed; closing both ends below ends the other pump too
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
