package io.batchbench.framework.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import io.batchbench.workload.Chunks;
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
        loadChangeWrite(plan, LOAD_CHUNK, JdbcPaging::map, OrderRow::id, OrderRow::amount);
    }

    @Override
    public void projection(UpdatePlan plan) {
        loadChangeWrite(plan, LOAD_AMOUNTS, rs -> new IdAmount(rs.getLong(1), rs.getBigDecimal(2)), IdAmount::id,
                IdAmount::amount);
    }

    private record IdAmount(long id, BigDecimal amount) {
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> void loadChangeWrite(UpdatePlan plan, String loadSql, RowMapper<T> mapper, ToLongFunction<T> id,
                                     Function<T, BigDecimal> amount) {
        JdbcTransactions.run(dataSource, connection -> {
            try (PreparedStatement load = connection.prepareStatement(loadSql);
                 PreparedStatement update = connection.prepareStatement(UPDATE_ONE)) {
                load.setLong(2, plan.rows());
                load.setInt(3, Chunks.MAX_ROWS);
                long last = 0;
                List<T> rows;
                do {
                    load.setLong(1, last);
                    rows = new ArrayList<>();
                    try (ResultSet rs = load.executeQuery()) {
                        while (rs.next()) {
                            rows.add(mapper.map(rs));
                        }
                    }
                    for (T row : rows) {
                        last = id.applyAsLong(row);
                        BigDecimal newAmount = plan.amount(last);
                        if (amount.apply(row).compareTo(newAmount) != 0) {
                            update.setBigDecimal(1, newAmount);
                            update.setLong(2, last);
                            update.addBatch();
                        }
                    }
                    update.executeBatch();
                } while (!rows.isEmpty() && last < plan.rows());
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
}
