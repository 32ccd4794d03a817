package io.batchbench.framework.hibernate;

import java.util.List;

import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.OrderRow;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.RowVisitor;

/**
 * Paging as the Hibernate documentation does it: one session and transaction per scan, read-only
 * queries (no snapshots kept for dirty checking), and the session cleared after every page, so a
 * scan holds at most one page of entities whatever the table size.
 */
final class HibernatePaging implements Paging<OrderEntity> {

    private static final String BY_ID = "from OrderEntity order by id";
    private static final String AFTER_ID = "from OrderEntity where id > :last order by id";

    private final SessionFactory sessionFactory;
    private final int cursorFetchSize;

    HibernatePaging(SessionFactory sessionFactory, int cursorFetchSize) {
        this.sessionFactory = sessionFactory;
        this.cursorFetchSize = cursorFetchSize;
    }

    @Override
    public void scanOffset(int pageSize, RowVisitor<? super OrderEntity> visitor) {
        sessionFactory.inTransaction(session -> {
            SelectionQuery<OrderEntity> page = byId(session).setMaxResults(pageSize);
            for (int offset = 0; ; offset = Math.addExact(offset, pageSize)) {
                if (visitPage(session, page.setFirstResult(offset), visitor).size() < pageSize) {
                    return;
                }
            }
        });
    }

    @Override
    public void scanKeyset(int pageSize, RowVisitor<? super OrderEntity> visitor) {
        sessionFactory.inTransaction(session -> {
            SelectionQuery<OrderEntity> page = afterId(session).setMaxResults(pageSize);
            long last = 0;
            List<OrderEntity> rows;
            do {
                rows = visitPage(session, page.setParameter("last", last), visitor);
                if (!rows.isEmpty()) {
                    last = rows.getLast().getId();
                }
            } while (rows.size() == pageSize);
        });
    }

    @Override
    public void scanCursor(RowVisitor<? super OrderEntity> visitor) {
        // pgjdbc streams only inside a transaction, with a fetch size, from a forward-only result set.
        sessionFactory.inTransaction(session -> {
            try (ScrollableResults<OrderEntity> rows = byId(session)
                    .setFetchSize(cursorFetchSize)
                    .scroll(ScrollMode.FORWARD_ONLY)) {
                for (long read = 1; rows.next(); read++) {
                    OrderEntity row = rows.get();
                    visitor.visit(row.getId(), row);
                    if (read % cursorFetchSize == 0) {
                        session.clear();
                    }
                }
            }
        });
    }

    // A single SELECT needs no transaction: the page runs in auto-commit, as in the JDBC reference,
    // instead of paying a COMMIT round trip for nothing.
    @Override
    public List<OrderEntity> pageOffset(long offset, int pageSize) {
        return sessionFactory.fromSession(session -> byId(session)
                .setFirstResult(Math.toIntExact(offset))
                .setMaxResults(pageSize)
                .getResultList());
    }

    @Override
    public List<OrderEntity> pageKeyset(long afterId, int pageSize) {
        return sessionFactory.fromSession(session -> afterId(session)
                .setParameter("last", afterId)
                .setMaxResults(pageSize)
                .getResultList());
    }

    @Override
    public long id(OrderEntity row) {
        return row.getId();
    }

    @Override
    public OrderRow toOrderRow(OrderEntity row) {
        return row.toOrderRow();
    }

    private static SelectionQuery<OrderEntity> byId(Session session) {
        return session.createSelectionQuery(BY_ID, OrderEntity.class).setReadOnly(true);
    }

    private static SelectionQuery<OrderEntity> afterId(Session session) {
        return session.createSelectionQuery(AFTER_ID, OrderEntity.class).setReadOnly(true);
    }

    private static List<OrderEntity> visitPage(Session session, SelectionQuery<OrderEntity> page,
                                               RowVisitor<? super OrderEntity> visitor) {
        List<OrderEntity> rows = page.getResultList();
        for (OrderEntity row : rows) {
            visitor.visit(row.getId(), row);
        }
        session.clear();
        return rows;
    }
}
