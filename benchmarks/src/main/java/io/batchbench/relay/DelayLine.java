package io.batchbench.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One direction of one relayed connection. A reading thread takes whatever bytes arrive from one
 * socket, notes when they arrived and puts them in a ring; a writing thread hands each chunk to
 * the other socket once it has been held for the delay. Chunks leave in the order they came and
 * the reader never waits for the writer (until a megabyte is in flight), so messages a client
 * pipelines stay pipelined: a batch is delayed once, not once per message.
 *
 * <p>Nothing is allocated per chunk: the ring, the chunk records and the threads are made once
 * per connection, and the threads hand over with {@link LockSupport} rather than a lock, whose
 * waits allocate. Allocation profiling (JMH's {@code -prof gc}) counts every thread of the JVM, so
 * the relay must not add to what a benchmark allocates.
 *
 * <p>The delay is held by parking, never by spinning: on the 2 cores this suite is measured on, a
 * relay thread that spins takes the CPU the server and the driver need, and the cells through the
 * relay would pay for the relay's precision. A parked thread wakes late, by about 0.05–0.1 ms on a
 * typical Linux VM, as much as the half round trip of a 0.2 ms network, so the writer parks for
 * the time left less how late this machine wakes it ({@link WakeLateness}): the median chunk
 * leaves when it is due.
 */
final class DelayLine {

    /** Bytes in flight per direction: at 1 ms each way this passes 1 GB/s, far above what a benchmark streams. */
    static final int CAPACITY = 1 << 20;
    private static final int MASK = CAPACITY - 1;
    private static final int MAX_READ = 64 * 1024;
    /** Chunks in flight per direction. */
    private static final int SLOTS = 4096;

    /** Sees the bytes of a chunk as they arrive, before they can be forwarded. */
    interface Observer {
        void bytes(byte[] buffer, int offset, int length);
    }

    /** Told when this direction has ended: its reader reached the end of its stream or failed, or its writer failed. */
    interface End {
        void observerFailed(DelayLine line, RuntimeException failure);

        void readerEnded(DelayLine line, IOException failure);

        void ended(DelayLine line, IOException readFailure, IOException writeFailure);
    }

    private final InputStream in;
    private final OutputStream out;
    private final LongSupplier delayNanos;
    private final WakeLateness lateness;
    private final Observer observer;
    private final End end;
    private final Thread reader;
    private final Thread writer;
    private final byte[] ring = new byte[CAPACITY];
    private final long[] chunkEnds = new long[SLOTS];
    private final long[] chunkDues = new long[SLOTS];

    // Each counter has one writing thread; volatile publishes the ring and the chunk records with it.
    private volatile long received;
    private volatile long sent;
    private volatile long put;
    private volatile long taken;
    private volatile boolean finished;
    private volatile boolean stopped;
    private volatile boolean readerWaits;
    private volatile boolean writerWaits;
    private volatile IOException readFailure;

    DelayLine(String name, InputStream in, OutputStream out, LongSupplier delayNanos, WakeLateness lateness,
              Observer observer, End end) {
        this.in = in;
        this.out = out;
        this.delayNanos = delayNanos;
        this.lateness = lateness;
        this.observer = observer;
        this.end = end;
        this.reader = Thread.ofPlatform().daemon().name(name + "-read").unstarted(this::read);
        this.writer = Thread.ofPlatform().daemon().name(name + "-write").unstarted(this::write);
    }

    void start() {
        reader.start();
        writer.start();
    }

    /** Drops what is in flight and ends both threads (the caller closes the sockets, which ends a blocked read or write). */
    void stop() {
        stopped = true;
        LockSupport.unpark(reader);
        LockSupport.unpark(writer);
    }

    Thread[] threads() {
        return new Thread[] {reader, writer};
    }

    private void read() {
        IOException failure = null;
        try {
            while (!stopped) {
                long at = received;
                int offset = (int) (at & MASK);
                int room = (int) Math.min(Math.min(CAPACITY - (at - sent), CAPACITY - offset), MAX_READ);
                if (room == 0 || put - taken == SLOTS) {
                    awaitRoom();
                    continue;
                }
                int n = in.read(ring, offset, room);
                if (n < 0) {
                    break;
                }
                long arrived = System.nanoTime();
                observer.bytes(ring, offset, n);
                long chunk = put;
                int slot = (int) (chunk % SLOTS);
                chunkEnds[slot] = at + n;
                chunkDues[slot] = arrived + delayNanos.getAsLong();
                received = at + n;
                put = chunk + 1;
                if (writerWaits) {
                    LockSupport.unpark(writer);
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            end.observerFailed(this, e);
            failure = new IOException("the relay's observer failed: " + e, e);
        } finally {
            readFailure = failure;
            end.readerEnded(this, failure);
            finished = true;
            LockSupport.unpark(writer);
        }
    }

    private void awaitRoom() {
        readerWaits = true;
        while (!stopped && (CAPACITY - (received - sent) == 0 || put - taken == SLOTS)) {
            LockSupport.park(this);
        }
        readerWaits = false;
    }

    private void write() {
        IOException failure = null;
        try {
            while (!stopped) {
                boolean done = finished; // read before put: once the reader has finished, put is final
                long next = taken;
                if (next == put) {
                    if (done) {
                        break;
                    }
                    awaitChunk();
                    continue;
                }
                if (!waitUntil(chunkDues[(int) (next % SLOTS)])) {
                    break;
                }
                // Everything due by now leaves in one write, as it would have left the sender back to back.
                long now = System.nanoTime();
                long until = chunkEnds[(int) (next % SLOTS)];
                next++;
                long available = put;
                while (next < available && chunkDues[(int) (next % SLOTS)] - now <= 0) {
                    until = chunkEnds[(int) (next % SLOTS)];
                    next++;
                }
                long from = sent;
                int start = (int) (from & MASK);
                int length = (int) (until - from);
                int first = Math.min(length, CAPACITY - start);
                out.write(ring, start, first);
                if (first < length) {
                    out.write(ring, 0, length - first);
                }
                out.flush();
                sent = until;
                taken = next;
                if (readerWaits) {
                    LockSupport.unpark(reader);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            end.ended(this, readFailure, failure);
        }
    }

    private void awaitChunk() {
        writerWaits = true;
        while (!stopped && !finished && taken == put) {
            LockSupport.park(this);
        }
        writerWaits = false;
    }

    /**
     * Parks until {@code due}, less the lateness this machine wakes a parked thread with, so that
     * half the chunks leave a little early and half a little late; returns false when the line was
     * stopped meanwhile. An unpark or a spurious wake-up only makes it park again.
     */
    private boolean waitUntil(long due) {
        long now = System.nanoTime();
        long late;
        while (due - now > (late = lateness.nanos())) {
            if (stopped) {
                return false;
            }
            long wake = due - late;
            LockSupport.parkNanos(this, wake - now);
            now = System.nanoTime();
            lateness.observe(now - wake);
        }
        return !stopped;
    }
}
