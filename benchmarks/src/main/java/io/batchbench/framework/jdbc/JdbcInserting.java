package io.batchbench.framework.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.batchbench.workload.NewOrder;
import io.batchbench.workload.insert.CopyRows;
import io.batchbench.workload.insert.InsertPlan;
import io.batchbench.workload.insert.Inserting;

/**
 * The JDBC reference for inserts: one prepared statement per operation, ids from the column
 * default. {@code multirow} binds each chunk as five arrays and inserts {@code unnest} of them:
 * one statement and five parameters whatever the chunk size, where a VALUES list needs five
 * parameters a row.
 */
final class JdbcInserting implements Inserting {

    private static final String COLUMNS = "INSERT INTO orders (customer_id, status, amount, created_at, note) ";
    static final String INSERT = COLUMNS + "VALUES (?, ?, ?, ?, ?)";
    // created_at travels as ISO-8601 text: pgjdbc has no array encoding for OffsetDateTime.
    static final String INSERT_UNNEST = COLUMNS
            + "SELECT * FROM unnest(?::int4[], ?::varchar[], ?::numeric[], ?::text[]::timestamptz[], ?::text[])";

    private final DataSource dataSource;

    JdbcInserting(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void row(InsertPlan plan) {
        withStatement(plan, INSERT, (insert, chunk) -> {
            for (NewOrder order : chunk) {
                bind(insert, order);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public void batch(InsertPlan plan) {
        withStatement(plan, INSERT, (insert, chunk) -> {
            for (NewOrder order : chunk) {
                bind(insert, order);
                insert.addBatch();
            }
            insert.executeBatch();
        });
    }

    @Override
    public void multirow(InsertPlan plan) {
        withStatement(plan, INSERT_UNNEST, (insert, chunk) -> {
            int n = chunk.size();
            Object[] customers = new Object[n];
            Object[] statuses = new Object[n];
            Object[] amounts = new Object[n];
            Object[] createdAt = new Object[n];
            Object[] notes = new Object[n];
            for (int i = 0; i < n; i++) {
                NewOrder order = chunk.get(i);
                customers[i] = order.customerId();
                statuses[i] = order.status();
                amounts[i] = order.amount();
                createdAt[i] = order.createdAt().toString();
                notes[i] = order.note();
            }
            Connection connection = insert.getConnection();
            insert.setArray(1, connection.createArrayOf("int4", customers));
            insert.setArray(2, connection.createArrayOf("varchar", statuses));
            insert.setArray(3, connection.createArrayOf("numeric", amounts));
            insert.setArray(4, connection.createArrayOf("text", createdAt));
            insert.setArray(5, connection.createArrayOf("text", notes));
            insert.executeUpdate();
        });
    }

    @Override
    public void copy(InsertPlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            for (List<List<NewOrder>> transaction : plan.transactions()) {
                CopyRows.copy(connection, transaction);
                connection.commit();
            }
        });
    }

    @FunctionalInterface
    private interface ChunkWriter {
        void write(PreparedStatement statement, List<NewOrder> chunk) throws SQLException;
    }

    private void withStatement(InsertPlan plan, String sql, ChunkWriter writer) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (List<List<NewOrder>> transaction : plan.transactions()) {
                    for (List<NewOrder> chunk : transaction) {
                        writer.write(statement, chunk);
                    }
                    connection.commit();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, NewOrder order) throws SQLException {
        insert.setInt(1, order.customerId());
        insert.setString(2, order.status());
        insert.setBigDecimal(3, order.amount());
        insert.setObject(4, order.createdAt());
        insert.setString(5, order.note());
    }
}
