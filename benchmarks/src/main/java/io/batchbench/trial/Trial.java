package io.batchbench.trial;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.batchbench.audit.WireAudit;
import io.batchbench.audit.WireCounts;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.OrderGenerator;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerCoordinates;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.relay.Rtt;
import io.batchbench.relay.ServerPath;

/**
 * What one JMH trial works on: its own clone of the {@code rows}-row dataset, a connection pool
 * on it, and the framework under test bootstrapped on that pool. Everything is built before the
 * first measured iteration and dropped after the last.
 *
 * <p>The pool reaches the clone through the trial's {@link ServerPath}: directly at {@code rtt=0},
 * otherwise through a delay relay of the trial's own, calibrated to the nominal round trip and
 * measured once when the trial opens ({@link #rttMeasured()}). The clone is made and dropped directly, and the
 * audit pass goes through its own relay without delay, so its counts do not depend on the rtt.
 */
public final class Trial implements AutoCloseable {

    /** Connections of a single-threaded trial: one for the operation, one for resets and checks. */
    public static final int POOL_SIZE = 2;

    private final TrialDatabase database;
    private final Frameworks frameworkName;
    private final FrameworkSettings settings;
    private final Properties driverProperties;
    private final ServerPath path;
    private final int poolSize;
    private final HikariDataSource pool;
    private final Framework framework;
    private WorkMeter work;
    private ReactiveFramework reactive;
    private final double rttMeasured;

    private Trial(TrialDatabase database, Frameworks frameworkName, FrameworkSettings settings,
                  Properties driverProperties, ServerPath path, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a trial's pool needs at least one connection, got " + poolSize);
        }
        this.database = database;
        this.poolSize = poolSize;
        this.frameworkName = frameworkName;
        this.settings = settings;
        this.driverProperties = driverProperties;
        this.path = path;
        ServerCoordinates server = path.coordinates();
        try {
            this.pool = pool(server.jdbcUrl(database.name()), connectionProperties(server, driverProperties), poolSize);
        } catch (RuntimeException e) {
            throw pathFailure(path, e);
        }
        try {
            this.framework = frameworkName.open(pool, settings);
            this.rttMeasured = path.calibrate(database.name());
        } catch (RuntimeException e) {
            pool.close();
            throw pathFailure(path, e);
        }
    }

    // A relay that lost the server is the cause of whatever the pool or the framework reports next.
    private static RuntimeException pathFailure(ServerPath path, RuntimeException e) {
        return path.failure().<RuntimeException>map(failure -> new IllegalStateException(failure, e)).orElse(e);
    }

    /** A trial on the server the launcher handed to this JVM. */
    public static Trial open(Frameworks framework, long rows, FrameworkSettings settings) {
        return open(framework, rows, settings, new Properties());
    }

    /**
     * A trial on the server the launcher handed to this JVM, whose connections get extra pgjdbc
     * properties ({@code options}, {@code reWriteBatchedInserts}, ...).
     */
    public static Trial open(Frameworks framework, long rows, FrameworkSettings settings, Properties driverProperties) {
        return open(ServerHandoff.fromSystemProperty(), framework, rows, settings, driverProperties);
    }

    public static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings) {
        return open(handoff, framework, rows, settings, new Properties());
    }

    public static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings,
                             Properties driverProperties) {
        return open(handoff, framework, rows, settings, driverProperties, Rtt.DIRECT);
    }

    /**
     * A trial on the server the launcher handed to this JVM whose pool reaches it {@code rtt} away
     * (see {@link ServerPath}).
     */
    public static Trial open(Frameworks framework, long rows, FrameworkSettings settings, Properties driverProperties,
                             Rtt rtt) {
        return open(ServerHandoff.fromSystemProperty(), framework, rows, settings, driverProperties, rtt);
    }

    public static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings,
                             Properties driverProperties, Rtt rtt) {
        return open(handoff, framework, rows, settings, driverProperties, rtt, POOL_SIZE);
    }

    /**
     * A trial for concurrent work: its pool holds {@code poolSize} connections (a concurrent
     * benchmark's {@code workers}, so every unit in flight has its own), opened up front, the same
     * for every framework; the audit's pool holds as many.
     */
    public static Trial open(Frameworks framework, long rows, FrameworkSettings settings, Properties driverProperties,
                             Rtt rtt, int poolSize) {
        return open(ServerHandoff.fromSystemProperty(), framework, rows, settings, driverProperties, rtt, poolSize);
    }

    public static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings,
                             Properties driverProperties, Rtt rtt, int poolSize) {
        return open(handoff, framework, rows, settings, driverProperties, ServerPath.open(handoff.server(), rtt),
                poolSize);
    }

    /** A trial whose pool takes {@code path}, which it closes with the trial (also when opening fails). */
    static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings,
                      Properties driverProperties, ServerPath path) {
        return open(handoff, framework, rows, settings, driverProperties, path, POOL_SIZE);
    }

    private static Trial open(ServerHandoff handoff, Frameworks framework, long rows, FrameworkSettings settings,
                              Properties driverProperties, ServerPath path, int poolSize) {
        TrialDatabase database = null;
        try {
            database = new Datasets(handoff.server(), handoff.runId()).cloneOf(rows, OrderGenerator.DEFAULT_SEED);
            return new Trial(database, framework, settings, driverProperties, path, poolSize);
        } catch (RuntimeException e) {
            try {
                path.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            } finally {
                if (database != null) {
                    database.close();
                }
            }
            throw e;
        }
    }

    /** Reads something with plain JDBC on a pooled connection in auto-commit, outside the measured region. */
    @FunctionalInterface
    public interface SqlQuery<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Resets or checks with plain JDBC on a pooled connection in auto-commit, outside the measured region. */
    @FunctionalInterface
    public interface SqlAction {
        void run(Connection connection) throws SQLException;
    }

    public <T> T query(SqlQuery<T> query) {
        try (Connection connection = pool.getConnection()) {
            return query.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL on trial database " + database.name() + " failed: " + e.getMessage(), e);
        }
    }

    public void execute(SqlAction action) {
        query(connection -> {
            action.run(connection);
            return null;
        });
    }

    /**
     * Runs {@code operation} once on a second instance of the framework whose connections go
     * through a {@link WireAudit} relay, and returns what it sent. Untimed: the measured instance
     * never goes through the relay.
     */
    public WireCounts audit(Consumer<Framework> operation) {
        return throughAudit((relay, throughRelay) -> {
            try (HikariDataSource auditPool = pool(throughRelay.jdbcUrl(database.name()),
                    connectionProperties(throughRelay, driverProperties), poolSize);
                 Framework audited = frameworkName.open(auditPool, settings)) {
                openAll(auditPool, poolSize);
                relay.reset();
                operation.accept(audited);
                return relay.counts();
            }
        });
    }

    /**
     * Runs {@code operation} once on a second instance of the framework's non-blocking stack whose
     * connections go through a {@link WireAudit} relay, and returns what it sent. Untimed. The
     * stack's connections open before counting starts: {@code warmUp} makes them.
     */
    public WireCounts auditReactive(Consumer<ReactiveFramework> warmUp, Consumer<ReactiveFramework> operation) {
        return throughAudit((relay, throughRelay) -> {
            try (ReactiveFramework audited = frameworkName.openReactive(target(throughRelay))) {
                warmUp.accept(audited);
                relay.reset();
                operation.accept(audited);
                return relay.counts();
            }
        });
    }

    /** The framework's non-blocking stack on this trial's database and path, opened on first use. */
    public ReactiveFramework reactive() {
        if (reactive == null) {
            reactive = frameworkName.openReactive(target(path.coordinates()));
        }
        return reactive;
    }

    private ReactiveTarget target(ServerCoordinates server) {
        return new ReactiveTarget(server.host(), server.port(), database.name(), server.user(), server.password(),
                poolSize, serverSettings(driverProperties));
    }

    // pgjdbc's options is the startup message's: "-c name=value" pairs, which a non-blocking driver
    // sends as parameters of its own startup message, so that its connections run as the pool's do.
    static Map<String, String> serverSettings(Properties driverProperties) {
        Map<String, String> settings = new LinkedHashMap<>();
        String options = driverProperties.getProperty("options");
        if (options == null || options.isBlank()) {
            return settings;
        }
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String setting = words[i].equals("-c") && i + 1 < words.length ? words[++i]
                    : words[i].startsWith("-c") ? words[i].substring(2) : "";
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("pgjdbc options '" + options + "' hold more than -c name=value"
                        + " settings, which a non-blocking stack cannot take");
            }
            settings.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return settings;
    }

    private interface AuditPass {
        WireCounts run(WireAudit relay, ServerCoordinates throughRelay);
    }

    private WireCounts throughAudit(AuditPass pass) {
        ServerCoordinates server = database.server();
        try (WireAudit relay = new WireAudit(server.host(), server.port())) {
            Map<String, String> plain = new HashMap<>(server.properties());
            plain.remove("ssl");
            plain.put("sslmode", "disable"); // the relay reads the protocol, which TLS would hide
            ServerCoordinates throughRelay = new ServerCoordinates(server.provider(), relay.host(), relay.port(),
                    server.adminDatabase(), server.user(), server.password(), plain);
            WireCounts counts = pass.run(relay, throughRelay);
            relay.failure().ifPresent(failure -> {
                throw new IllegalStateException(failure);
            });
            return counts;
        }
    }

    public Framework framework() {
        return framework;
    }

    /** What the trial's path adds to a round trip, in milliseconds, measured when it opened; 0 when direct. */
    public double rttMeasured() {
        return rttMeasured;
    }

    /** The key of the row at 0-based position {@code position} in key order, read with plain JDBC. */
    public long idAtPosition(long position) {
        try (Connection connection = pool.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT id FROM orders ORDER BY id OFFSET ? LIMIT 1")) {
            find.setLong(1, position);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("position " + position + " is past the end of the "
                            + database.rows() + "-row table");
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The meter of the work the measured operations cause (CPU, WAL), opened on first use. */
    public WorkMeter work() {
        if (work == null) {
            work = new WorkMeter(database);
        }
        return work;
    }

    /** Drops the framework, the pool, the path and the clone; fails if the path's relay failed at any time during the trial. */
    @Override
    public void close() {
        try {
            try {
                if (reactive != null) {
                    reactive.close();
                }
            } finally {
                if (framework != null) {
                    framework.close();
                }
            }
        } finally {
            if (work != null) {
                work.close();
            }
            try {
                pool.close();
                path.close();
            } finally {
                database.close();
            }
        }
    }

    // Opens every pooled connection and uses it now, so that neither a connection's start-up nor the
    // pool's liveness check of a connection idle for over 500 ms lands in the audited operation.
    private static void openAll(HikariDataSource pool, int size) {
        List<Connection> open = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = pool.getConnection();
                open.add(connection);
                connection.isValid(0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect through the audit relay: " + e.getMessage(), e);
        } finally {
            for (Connection connection : open) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // back to the pool; nothing of the operation depends on it
                }
            }
        }
    }

    /** The connections of the trial's pool: the most units that can hold one at once. */
    public int poolSize() {
        return poolSize;
    }

    private static Properties connectionProperties(ServerCoordinates server, Properties driverProperties) {
        Properties properties = server.connectionProperties();
        properties.putAll(driverProperties);
        return properties;
    }

    private static HikariDataSource pool(String jdbcUrl, Properties properties, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }
}
