package io.batchbench.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerCoordinates;

/** A small clone on the test server, reached through a {@link WireAudit} relay; closing drops it. */
public final class RelayedDatabase implements AutoCloseable {

    private final Datasets datasets;
    private final TrialDatabase database;
    private final WireAudit relay;
    private final Properties properties;

    public RelayedDatabase(String runId) {
        ServerCoordinates server = TestServers.embedded();
        datasets = new Datasets(server, runId);
        database = datasets.cloneOf(10, 1);
        relay = new WireAudit(server.host(), server.port());
        properties = server.connectionProperties();
        properties.setProperty("sslmode", "disable"); // the relay reads the protocol
    }

    public WireAudit relay() {
        return relay;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + relay.host() + ":" + relay.port() + "/" + database.name();
    }

    /** Connection properties, with {@code extra} pgjdbc settings added. */
    public Properties properties(Properties extra) {
        Properties all = new Properties();
        all.putAll(properties);
        all.putAll(extra);
        return all;
    }

    public Connection connect(Properties extra) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), properties(extra));
    }

    @Override
    public void close() {
        relay.close();
        try {
            database.close();
        } finally {
            datasets.dropAll();
        }
    }
}
