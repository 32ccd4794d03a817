package io.batchbench.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import com.sun.management.OperatingSystemMXBean;

import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ContainerProvider;

/**
 * The work the measured operations cause, besides their time: CPU in this JVM (the client), CPU
 * of the PostgreSQL backends that serve the trial's connections (the server), and WAL written.
 * Work varies far less from fork to fork than wall time, which moves with the machine's load,
 * its I/O latency and the other tenants of a shared host, so a modest regression shows in it
 * sooner.
 *
 * <p>Measured around the measured region, not in a separate pass: {@link #start()} right before
 * the measured operations, {@link #stop()} right after (per invocation where the benchmark has
 * per-invocation setup, otherwise per iteration), so it covers exactly the work JMH times, from
 * the same warm JVM, and adds no operations to the run. Its own queries go over a connection of
 * its own and happen outside the window; reading a counter costs microseconds.
 * <ul>
 * <li>client CPU: the time on CPU of this JVM's threads, from {@code /proc/self/task/<tid>/schedstat}
 *     (nanoseconds), the garbage collector's included (collecting what the framework allocates is
 *     its cost too), the JIT compiler's not: compilation is warm-up that goes on into the first
 *     measured iterations for a time that differs from fork to fork, and it made this figure vary
 *     by half between iterations. A thread that starts and ends inside a window is missed, so work
 *     is best done by threads that outlive it (the benchmark thread, the pool's, a trial's
 *     executor). Without {@code /proc} (macOS): the process CPU time the JVM reports, in clock
 *     ticks, compiler included;</li>
 * <li>server CPU: the time on CPU of every backend connected to the trial's database, from
 *     {@code /proc/<pid>/schedstat} (nanoseconds, unlike {@code /proc/<pid>/stat}'s 10 ms ticks).
 *     Only where the server runs on this machine and shares its process namespace (embedded, or an
 *     external server on the loopback); a container's or a remote server's backends are not
 *     visible, and the metric is then left out rather than guessed;</li>
 * <li>WAL: the difference of {@code pg_current_wal_insert_lsn()}, exact, but cluster-wide: on a
 *     server shared with other work it includes theirs.</li>
 * <li>and, not work of the cell's but what explains a slow fork: the host's steal in the same
 *     windows ({@link HostSteal}).</li>
 * </ul>
 */
public final class WorkMeter implements AutoCloseable {

    /** Measures nothing when {@code -Dbatchbench.workMetrics=false}: to measure what measuring costs. */
    public static final String PROPERTY = "batchbench.workMetrics";

    /** What the windows measured added up, since the last {@link #drain()}. */
    public record Totals(long windows, long clientCpuNanos, long serverCpuNanos, long walBytes,
                         boolean serverCpuKnown, OptionalDouble stealPercent) {
    }

    private static final String WINDOW_START = "SELECT pg_current_wal_insert_lsn()::text, array(SELECT pid FROM"
            + " pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())";
    private static final String WINDOW_END = "SELECT pg_current_wal_insert_lsn()::text";

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Whether each thread id seen so far is a compiler thread: its name is read once. */
    private final Map<String, Boolean> compilerThreads = new HashMap<>();

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final Connection connection;
    private final boolean localServer;
    private final boolean enabled;
    private Statement statement;
    private long windows;
    private long clientCpu;
    private long serverCpu;
    private long wal;
    private final HostSteal.Reader host = new HostSteal.Reader();
    private HostSteal steal = HostSteal.NONE;
    private boolean serverCpuKnown;
    private long startClient;
    private long startWal;
    private HostSteal startSteal = HostSteal.NONE;
    private Map<Integer, Long> startBackends = Map.of();

    WorkMeter(TrialDatabase database) {
        this.enabled = !"false".equals(System.getProperty(PROPERTY));
        // A container's backends have pids of its own namespace: the host's /proc would show others.
        this.localServer = !ContainerProvider.NAME.equals(database.server().provider())
                && isLocal(database.server().host()) && Files.isDirectory(Path.of("/proc"));
        this.serverCpuKnown = localServer;
        try {
            this.connection = enabled ? database.connect() : null;
            if (connection != null) {
                connection.setAutoCommit(true);
                this.statement = connection.createStatement();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the work meter's connection: " + e.getMessage(), e);
        }
    }

    /** Opens a window: what happens until {@link #stop()} is the measured operations' work. */
    public void start() {
        if (!enabled) {
            return;
        }
        try (ResultSet rs = statement.executeQuery(WINDOW_START)) {
            rs.next();
            startWal = lsn(rs.getString(1));
            startBackends = localServer ? backendCpu(rs.getArray(2)) : Map.of();
        } catch (SQLException e) {
            throw new IllegalStateException("the work meter cannot read the server: " + e.getMessage(), e);
        }
        startSteal = host.now(); // before the client's CPU is read, so that reading it is not counted
        startClient = clientCpu();
    }

    /** Closes the window opened by {@link #start()} and adds what it measured. */
    public void stop() {
        if (!enabled) {
            return;
        }
        long client = clientCpu();
        HostSteal stolen = host.now().since(startSteal);
        Map<Integer, Long> backends = localServer ? backendCpu(startBackends.keySet()) : Map.of();
        try (ResultSet rs = statement.executeQuery(WINDOW_END)) {
            rs.next();
            wal += lsn(rs.getString(1)) - startWal;
        } catch (SQLException e) {
            throw new IllegalStateException("the work meter cannot read the server: " + e.getMessage(), e);
        }
        clientCpu += client - startClient;
        steal = steal.plus(stolen);
        for (Map.Entry<Integer, Long> backend : backends.entrySet()) {
            Long before = startBackends.get(backend.getKey());
            if (before != null) {
                serverCpu += backend.getValue() - before;
            }
        }
        windows++;
    }

    /** What was measured since the last call; starts again from zero. */
    public Totals drain() {
        // Reported whenever the machine says, even as 0 % for windows too short for a clock tick, so
        // that every fork of a cell has the metric and their rounds merge.
        OptionalDouble stealPercent = host.known()
                ? OptionalDouble.of(steal.all() > 0 ? 100.0 * steal.steal() / steal.all() : 0) : OptionalDouble.empty();
        Totals totals = new Totals(windows, clientCpu, serverCpu, wal, serverCpuKnown, stealPercent);
        windows = 0;
        steal = HostSteal.NONE;
        clientCpu = 0;
        serverCpu = 0;
        wal = 0;
        return totals;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void close() {
        host.close();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the trial's database is being dropped
            }
        }
    }

    /** Nanoseconds on CPU of this JVM's live threads. */
    private long clientCpu() {
        if (!Files.isDirectory(TASKS)) {
            return os.getProcessCpuTime();
        }
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(TASKS)) {
            for (Path thread : threads) {
                if (!compilerThreads.computeIfAbsent(thread.getFileName().toString(), tid -> isCompiler(thread))) {
                    total += onCpu(thread);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return total;
    }

    private Map<Integer, Long> backendCpu(Array pids) throws SQLException {
        Map<Integer, Long> cpu = new LinkedHashMap<>();
        for (Integer pid : (Integer[]) pids.getArray()) {
            cpu.put(pid, 0L);
        }
        return backendCpu(cpu.keySet());
    }

    /** Nanoseconds on CPU of each backend still there; one that is not a PostgreSQL process means the server is not ours to read. */
    private Map<Integer, Long> backendCpu(Iterable<Integer> pids) {
        Map<Integer, Long> cpu = new LinkedHashMap<>();
        for (int pid : pids) {
            Path process = Path.of("/proc", Integer.toString(pid));
            try {
                if (!Files.readString(process.resolve("comm")).startsWith("postgres")) {
                    serverCpuKnown = false;
                    continue;
                }
                cpu.put(pid, onCpu(process));
            } catch (IOException | RuntimeException gone) {
                // the backend ended (its connection closed) or is not visible from here
            }
        }
        return cpu;
    }

    /** HotSpot's JIT compiler threads: {@code C1 CompilerThread0}, {@code C2 CompilerThread1}, JVMCI's. */
    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    /** A process's or thread's time on CPU so far, in nanoseconds: the first field of its schedstat. */
    private static long onCpu(Path process) {
        try {
            String schedstat = Files.readString(process.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException e) {
            return 0; // a thread that ended since it was listed
        }
    }

    /** A WAL position {@code 16/B374D848} as a byte offset. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    private static boolean isLocal(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
