package io.batchbench.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on its own, between a socket and an echo server: it delays each direction by half the
 * round trip and keeps pipelined bytes pipelined, delivers every byte in order, closes both sides
 * of a connection when either side closes, reports a server it loses, and leaves nothing behind.
 * Timing bounds are generous (a busy 2-core VM); what they tell apart is one round trip from many.
 */
class RelayTest {

    private static final long RTT_MILLIS = 20;

    private EchoServer echo;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void stopEchoServer() throws Exception {
        echo.close();
        assertThat(relayThreads("batchbench-relay-test")).as("relay threads left behind").isEmpty();
    }

    @Test
    void oneRequestAndItsAnswerTakeTheRoundTrip() throws Exception {
        try (Relay relay = relay(RTT_MILLIS); Socket socket = connect(relay)) {
            long[] nanos = new long[15];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                socket.getOutputStream().write(i);
                assertThat(socket.getInputStream().read()).isEqualTo(i);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double median = nanos[nanos.length / 2] / 1e6;
            assertThat(median).isBetween((double) RTT_MILLIS, RTT_MILLIS + 10.0);
        }
    }

    @Test
    void aThousandPipelinedMessagesCostOneRoundTripNotAThousand() throws Exception {
        try (Relay relay = relay(RTT_MILLIS); Socket socket = connect(relay)) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                out.write(new byte[] {'Q', (byte) (i >> 8), (byte) i}); // a write, and a TCP segment, per message
                out.flush();
            }
            byte[] echoed = new byte[3_000];
            in.readFully(echoed);
            double millis = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < 1_000; i++) {
                assertThat(echoed[3 * i + 2]).isEqualTo((byte) i);
            }
            // One round trip plus the time to write and echo 1,000 small segments, which on a busy 2-core VM
            // can take tens of milliseconds with or without the relay; a round trip per message would take 20 s.
            assertThat(millis).as("1,000 pipelined messages").isBetween((double) RTT_MILLIS, 10.0 * RTT_MILLIS);
        }
    }

    @Test
    void megabytesArriveIntactAndInOrderInBothDirections() throws Exception {
        byte[] data = new byte[12 << 20]; // more than the relay holds in flight, so it must wait for room
        new Random(12).nextBytes(data);
        try (Relay relay = relay(2); Socket socket = connect(relay)) {
            CompletableFuture<byte[]> digest = CompletableFuture.supplyAsync(() -> {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[7_777];
                    InputStream in = socket.getInputStream();
                    long left = data.length;
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new IOException("end of stream with " + left + " bytes to come");
                        }
                        md.update(buffer, 0, n);
                        left -= n;
                    }
                    return md.digest();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Random sizes = new Random(3);
            for (int at = 0; at < data.length; ) {
                int n = Math.min(1 + sizes.nextInt(100_000), data.length - at);
                socket.getOutputStream().write(data, at, n);
                at += n;
            }
            assertThat(digest.get(60, TimeUnit.SECONDS)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }

    @Test
    void aClientThatClosesClosesTheServerSideToo() throws Exception {
        try (Relay relay = relay(RTT_MILLIS)) {
            Socket socket = connect(relay);
            socket.getOutputStream().write(1);
            assertThat(socket.getInputStream().read()).isEqualTo(1);
            socket.close();

            assertThat(echo.lastConnectionEnded(Duration.ofSeconds(5))).as("the server saw its connection end").isTrue();
            awaitNoConnections(relay);
            assertThat(relay.failure()).isEmpty();
        }
    }

    @Test
    void aServerThatClosesClosesTheClientSideAndIsAFailure() throws Exception {
        try (Relay relay = relay(RTT_MILLIS); Socket socket = connect(relay)) {
            socket.getOutputStream().write(1);
            assertThat(socket.getInputStream().read()).isEqualTo(1);
            echo.closeConnections();

            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).as("end of stream at the client").isEqualTo(-1);
            awaitNoConnections(relay);
            assertThat(relay.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .contains("lost the server at 127.0.0.1:" + echo.port()).contains("the server closed it"));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Relay relay = new Relay("test", "127.0.0.1", closedPort, 0); Socket socket = connect(relay)) {
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(relay.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .contains("cannot reach the server at 127.0.0.1:" + closedPort));
        }
    }

    @Test
    void closingTheRelayEndsEveryConnectionAndThreadAndFreesItsPort() throws Exception {
        Relay relay = relay(RTT_MILLIS);
        Socket first = connect(relay);
        Socket second = connect(relay);
        second.getOutputStream().write(8);
        assertThat(second.getInputStream().read()).isEqualTo(8);
        first.getOutputStream().write(7); // in flight when the relay closes
        int port = relay.port();

        relay.close();

        assertThat(relayThreads("batchbench-relay-test")).isEmpty();
        assertThat(relay.openConnections()).isZero();
        first.setSoTimeout(5_000);
        second.setSoTimeout(5_000);
        assertThat(readOrEnd(first)).as("the client side is closed").isEqualTo(-1);
        assertThat(readOrEnd(second)).isEqualTo(-1);
        assertThat(echo.lastConnectionEnded(Duration.ofSeconds(5))).as("the server side is closed").isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        assertThat(relay.failure()).isEmpty();
        first.close();
        second.close();
    }

    private Relay relay(long rttMillis) {
        return new Relay("test", "127.0.0.1", echo.port(), TimeUnit.MILLISECONDS.toNanos(rttMillis) / 2);
    }

    private static Socket connect(Relay relay) throws IOException {
        Socket socket = new Socket(relay.host(), relay.port());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static int readOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException reset) {
            return -1;
        }
    }

    /** The live threads whose names start with {@code prefix}. */
    static java.util.List<String> relayThreads(String prefix) throws InterruptedException {
        // Threads that have been told to end get a moment to do so; the relay's close() already waited for its own.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        java.util.List<String> names;
        do {
            names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith(prefix)).toList();
            if (names.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return names;
    }

    private static void awaitNoConnections(Relay relay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (relay.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(relay.openConnections()).as("connections of the relay still open").isZero();
    }

    /** Echoes every byte back, one thread per connection. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final java.util.List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile CompletableFuture<Void> lastEnded = new CompletableFuture<>();

        EchoServer() throws IOException {
            Thread.ofPlatform().daemon().name("echo-accept").start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket socket = listener.accept();
                        sockets.add(socket);
                        CompletableFuture<Void> ended = new CompletableFuture<>();
                        lastEnded = ended;
                        Thread.ofPlatform().daemon().name("echo").start(() -> echo(socket, ended));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void echo(Socket socket, CompletableFuture<Void> ended) {
            byte[] buffer = new byte[32 * 1024];
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the peer or the test closed it
            } finally {
                ended.complete(null);
            }
        }

        boolean lastConnectionEnded(Duration limit) {
            try {
                lastEnded.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        void closeConnections() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            closeConnections();
        }
    }
}
