package io.batchbench.framework.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.OrderRow;
import io.batchbench.workload.update.UpdatePlan;
import io.batchbench.workload.update.Updating;

/** The JDBC reference for updates; every strategy runs in one transaction. */
final class JdbcUpdating implements Updating {

    static final String LOAD_CHUNK = "SELECT id, customer_id, status, amount, created_at, note FROM orders"
            + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";
    static final String LOAD_AMOUNTS = "SELECT id, amount FROM orders WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";
    static final String UPDATE_ONE = "UPDATE orders SET amount = ? WHERE id = ?";
    static final String UPDATE_BULK = "UPDATE orders SET amount = " + UpdatePlan.AMOUNT_SQL + " WHERE id <= ?";
    static final String UPDATE_FROM_ARRAYS = "UPDATE orders o SET amount = v.amount"
            + " FROM unnest(?::int8[], ?::numeric[]) AS v(id, amount) WHERE o.id = v.id";

    private final DataSource dataSource;

    JdbcUpdating(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * JDBC has no dirty checking, so this is what an application does by hand: read the rows,
     * compute, and write back the rows whose value changed, in batches.
     */
    @Override
    public void dirtyCheck(UpdatePlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement load = connection.prepareStatement(LOAD_CHUNK);
                 PreparedStatement update = connection.prepareStatement(UPDATE_ONE)) {
                load.setLong(2, plan.rows());
                load.setInt(3, FrameworkSettings.BATCH_SIZE);
                long last = 0;
                List<OrderRow> rows;
                do {
                    load.setLong(1, last);
                    rows = load(load);
                    for (OrderRow row : rows) {
                        if (row.amount().compareTo(plan.amount(row.id())) != 0) {
                            update.setBigDecimal(1, plan.amount(row.id()));
                            update.setLong(2, row.id());
                            update.addBatch();
                        }
                        last = row.id();
                    }
                    update.executeBatch();
                } while (!rows.isEmpty() && last < plan.rows());
            }
        });
    }

    @Override
    public void projection(UpdatePlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement load = connection.prepareStatement(LOAD_AMOUNTS);
                 PreparedStatement update = connection.prepareStatement(UPDATE_ONE)) {
                load.setLong(2, plan.rows());
                load.setInt(3, FrameworkSettings.BATCH_SIZE);
                long last = 0;
                int loaded;
                do {
                    load.setLong(1, last);
                    loaded = 0;
                    try (ResultSet rs = load.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            BigDecimal amount = plan.amount(last);
                            if (rs.getBigDecimal(2).compareTo(amount) != 0) {
                                update.setBigDecimal(1, amount);
                                update.setLong(2, last);
                                update.addBatch();
                            }
                            loaded++;
                        }
                    }
                    update.executeBatch();
                } while (loaded > 0 && last < plan.rows());
            }
        });
    }

    @Override
    public void batch(UpdatePlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_ONE)) {
                for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                    for (UpdatePlan.Change change : chunk) {
                        update.setBigDecimal(1, change.amount());
                        update.setLong(2, change.id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
        });
    }

    @Override
    public void bulk(UpdatePlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_BULK)) {
                update.setInt(1, plan.round());
                update.setLong(2, plan.rows());
                update.executeUpdate();
            }
        });
    }

    @Override
    public void values(UpdatePlan plan) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_FROM_ARRAYS)) {
                for (List<UpdatePlan.Change> chunk : plan.chunks()) {
                    Object[] ids = new Object[chunk.size()];
                    Object[] amounts = new Object[chunk.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = chunk.get(i).id();
                        amounts[i] = chunk.get(i).amount();
                    }
                    Connection c = update.getConnection();
                    update.setArray(1, c.createArrayOf("int8", ids));
                    update.setArray(2, c.createArrayOf("numeric", amounts));
                    update.executeUpdate();
                }
            }
        });
    }

    private static List<OrderRow> load(PreparedStatement load) throws SQLException {
        List<OrderRow> rows = new ArrayList<>();
        try (ResultSet rs = load.executeQuery()) {
            while (rs.next()) {
                rows.add(JdbcPaging.map(rs));
            }
        }
        return rows;
    }
}
