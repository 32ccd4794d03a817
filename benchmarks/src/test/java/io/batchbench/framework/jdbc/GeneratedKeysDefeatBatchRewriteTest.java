package io.batchbench.framework.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.data.TrialDatabase;
import io.batchbench.fixtures.db.ServerCoordinates;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.audit.WireAudit;
import io.batchbench.workload.audit.WireCounts;

/**
 * The known trap, on the wire: pgjdbc's {@code reWriteBatchedInserts} turns a batch of 1,000
 * INSERTs into a few multi-row INSERTs, but not when the statement asks for generated keys;
 * then every row is its own INSERT again, silently.
 */
class GeneratedKeysDefeatBatchRewriteTest {

    private static final List<NewOrder> ORDERS = NewOrder.generate(1_000);

    private static Datasets datasets;
    private static TrialDatabase database;
    private static WireAudit relay;
    private static Connection connection;

    @BeforeAll
    static void connectWithRewrite() throws Exception {
        ServerCoordinates server = TestServers.embedded();
        datasets = new Datasets(server, "keystrap");
        database = datasets.cloneOf(1, 1);
        relay = new WireAudit(server.host(), server.port());
        Properties properties = server.connectionProperties();
        properties.setProperty("sslmode", "disable");
        properties.setProperty("reWriteBatchedInserts", "true");
        connection = DriverManager.getConnection(
                "jdbc:postgresql://" + relay.host() + ":" + relay.port() + "/" + database.name(), properties);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        relay.close();
        database.close();
        datasets.dropAll();
    }

    @Test
    void withoutGeneratedKeysTheBatchIsRewrittenIntoMultiRowInserts() throws Exception {
        WireCounts sent = insertBatch(connection.prepareStatement(JdbcInserting.INSERT));

        assertThat(sent.count("INSERT")).isLessThanOrEqualTo(20);
    }

    @Test
    void askingForGeneratedKeysSendsOneInsertPerRowAgain() throws Exception {
        WireCounts sent = insertBatch(connection.prepareStatement(JdbcInserting.INSERT, Statement.RETURN_GENERATED_KEYS));

        assertThat(sent.count("INSERT")).isEqualTo(ORDERS.size());
    }

    private static WireCounts insertBatch(PreparedStatement insert) throws Exception {
        relay.reset();
        try (insert) {
            for (NewOrder order : ORDERS) {
                insert.setInt(1, order.customerId());
                insert.setString(2, order.status());
                insert.setBigDecimal(3, order.amount());
                insert.setObject(4, order.createdAt());
                insert.setString(5, order.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return relay.counts();
    }
}
