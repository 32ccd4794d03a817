package io.batchbench.framework.mybatis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import io.batchbench.workload.OrderRow;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.RowVisitor;

/**
 * Paging through a MyBatis mapper. A full scan is one {@link SqlSession}, so one connection and
 * one transaction; MyBatis commits nothing after selects only, and closing the session ends the
 * transaction by restoring auto-commit, which pgjdbc sends as COMMIT.
 */
final class MyBatisPaging implements Paging<Order> {

    private final SqlSessionFactory sessions;

    MyBatisPaging(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void scanOffset(int pageSize, RowVisitor<? super Order> visitor) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            for (long offset = 0; ; offset += pageSize) {
                if (visit(mapper.offsetPage(offset, pageSize), visitor) < pageSize) {
                    return;
                }
            }
        }
    }

    @Override
    public void scanKeyset(int pageSize, RowVisitor<? super Order> visitor) {
        try (SqlSession session = sessions.openSession()) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            List<Order> page = mapper.keysetPage(0, pageSize);
            while (visit(page, visitor) == pageSize) {
                page = mapper.keysetPage(page.getLast().id(), pageSize);
            }
        }
    }

    @Override
    public void scanCursor(RowVisitor<? super Order> visitor) {
        // pgjdbc streams only inside a transaction, so the cursor is read before its session closes.
        try (SqlSession session = sessions.openSession();
             Cursor<Order> rows = session.getMapper(OrderMapper.class).all()) {
            for (Order row : rows) {
                visitor.visit(row.id(), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A single page needs no transaction: auto-commit, as the JDBC reference reads it.

    @Override
    public List<Order> pageOffset(long offset, int pageSize) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(OrderMapper.class).offsetPage(offset, pageSize);
        }
    }

    @Override
    public List<Order> pageKeyset(long afterId, int pageSize) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(OrderMapper.class).keysetPage(afterId, pageSize);
        }
    }

    @Override
    public long id(Order row) {
        return row.id();
    }

    @Override
    public OrderRow toOrderRow(Order row) {
        return new OrderRow(row.id(), row.customerId(), row.status(), row.amount(), row.createdAt(), row.note());
    }

    private static int visit(List<Order> page, RowVisitor<? super Order> visitor) {
        for (Order row : page) {
            visitor.visit(row.id(), row);
        }
        return page.size();
    }
}
