package io.batchbench.framework.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.batchbench.audit.RelayedDatabase;
import io.batchbench.audit.WireCounts;
import io.batchbench.workload.NewOrder;

/**
 * The known trap, on the wire: pgjdbc's {@code reWriteBatchedInserts} turns a batch of 1,000
 * INSERTs into a few multi-row INSERTs, but not when the statement asks for generated keys;
 * then every row is its own INSERT again, silently.
 */
class GeneratedKeysDefeatBatchRewriteTest {

    private static final List<NewOrder> ORDERS = NewOrder.generate(1_000);

    private static RelayedDatabase database;
    private static Connection connection;

    @BeforeAll
    static void connectWithRewrite() throws Exception {
        database = new RelayedDatabase("keystrap");
        Properties rewrite = new Properties();
        rewrite.setProperty("reWriteBatchedInserts", "true");
        connection = database.connect(rewrite);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        database.close();
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
        database.relay().reset();
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
        return database.relay().counts();
    }
}
