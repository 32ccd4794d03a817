package io.batchbench.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.batchbench.fixtures.db.ServerCoordinates;

/**
 * Whether the server has room for the run's largest cell: a concurrent cell holds a pool of
 * {@code workers} connections, and twice that while its audit runs. A server out of connections
 * would fail the cell mid-run ("too many clients already"), after minutes of other cells; this
 * refuses the run at once, saying what to change, as the other bad inputs are.
 */
final class ConnectionHeadroom {

    // Connections a non-superuser may still open: max_connections less the reserved slots
    // (reserved_connections exists from PostgreSQL 16) and the client backends already connected.
    private static final String FREE = "SELECT current_setting('max_connections')::int"
            + " - current_setting('superuser_reserved_connections')::int"
            + " - coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0)"
            + " - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int"
            + ", current_setting('max_connections')";

    private ConnectionHeadroom() {
    }

    /** The line to print when {@code needed} connections do not fit, or empty. */
    static Optional<String> check(ServerCoordinates server, int needed) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(server.adminDatabase()),
                server.connectionProperties());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(FREE)) {
            rs.next();
            // This check's own connection is free again once the run starts.
            int free = rs.getInt(1) + 1;
            if (needed <= free) {
                return Optional.empty();
            }
            return Optional.of("the largest cell holds up to " + needed
                        + " connections (two pools of its workers, plus 2) but the server has room for " + free
                        + " more (max_connections=" + rs.getString(2) + "): lower workers with -p, or raise"
                        + " max_connections");
        }
    }
}
