package io.batchbench.framework.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.batchbench.workload.OrderRow;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.RowVisitor;

/**
 * The JDBC reference: one prepared statement per scan, re-executed for every page (pgjdbc
 * switches it to a server-side prepared statement after five executions), rows mapped by hand.
 */
final class JdbcPaging implements Paging<OrderRow> {

    private static final String COLUMNS = "SELECT id, customer_id, status, amount, created_at, note FROM orders";
    static final String OFFSET_PAGE = COLUMNS + " ORDER BY id LIMIT ? OFFSET ?";
    static final String KEYSET_PAGE = COLUMNS + " WHERE id > ? ORDER BY id LIMIT ?";
    static final String ALL = COLUMNS + " ORDER BY id";

    private final DataSource dataSource;
    private final int cursorFetchSize;

    JdbcPaging(DataSource dataSource, int cursorFetchSize) {
        this.dataSource = dataSource;
        this.cursorFetchSize = cursorFetchSize;
    }

    @Override
    public void scanOffset(int pageSize, RowVisitor<? super OrderRow> visitor) {
        inTransaction(connection -> {
            try (PreparedStatement page = connection.prepareStatement(OFFSET_PAGE)) {
                page.setInt(1, pageSize);
                for (long offset = 0; ; offset += pageSize) {
                    page.setLong(2, offset);
                    if (visitPage(page, visitor) < pageSize) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void scanKeyset(int pageSize, RowVisitor<? super OrderRow> visitor) {
        inTransaction(connection -> {
            try (PreparedStatement page = connection.prepareStatement(KEYSET_PAGE)) {
                page.setInt(2, pageSize);
                long[] last = {0};
                RowVisitor<OrderRow> tracking = (id, row) -> {
                    last[0] = id;
                    visitor.visit(id, row);
                };
                do {
                    page.setLong(1, last[0]);
                } while (visitPage(page, tracking) == pageSize);
            }
        });
    }

    @Override
    public void scanCursor(RowVisitor<? super OrderRow> visitor) {
        // pgjdbc streams only inside a transaction, with a fetch size, from a forward-only result set.
        inTransaction(connection -> {
            try (PreparedStatement all = connection.prepareStatement(ALL)) {
                all.setFetchSize(cursorFetchSize);
                visitPage(all, visitor);
            }
        });
    }

    @Override
    public List<OrderRow> pageOffset(long offset, int pageSize) {
        return page(OFFSET_PAGE, pageSize, page -> {
            page.setInt(1, pageSize);
            page.setLong(2, offset);
        });
    }

    @Override
    public List<OrderRow> pageKeyset(long afterId, int pageSize) {
        return page(KEYSET_PAGE, pageSize, page -> {
            page.setLong(1, afterId);
            page.setInt(2, pageSize);
        });
    }

    @Override
    public long id(OrderRow row) {
        return row.id();
    }

    @Override
    public OrderRow toOrderRow(OrderRow row) {
        return row;
    }

    private static int visitPage(PreparedStatement statement, RowVisitor<? super OrderRow> visitor) throws SQLException {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                OrderRow row = map(rs);
                visitor.visit(row.id(), row);
                rows++;
            }
        }
        return rows;
    }

    /** One page in auto-commit: a single SELECT needs no transaction around it. */
    private List<OrderRow> page(String sql, int pageSize, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement(sql)) {
            binder.bind(page);
            List<OrderRow> rows = new ArrayList<>(pageSize);
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrderRow map(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getObject(5, OffsetDateTime.class), rs.getString(6));
    }

    private void inTransaction(JdbcTransactions.SqlWork work) {
        JdbcTransactions.run(dataSource, work);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
