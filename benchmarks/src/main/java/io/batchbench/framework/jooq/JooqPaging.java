package io.batchbench.framework.jooq;

import static io.batchbench.framework.jooq.generated.Tables.ORDERS;

import java.util.List;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Result;

import io.batchbench.framework.jooq.generated.tables.records.OrdersRecord;
import io.batchbench.workload.OrderRow;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.RowVisitor;

/**
 * Paging in jOOQ's idiom: generated records, LIMIT/OFFSET, the synthetic {@code seek()} clause for
 * keyset paging, and a lazy {@link Cursor} with a fetch size for streaming. Each page is its own
 * query with bind values, so the SQL text repeats and pgjdbc's per-connection statement cache
 * reuses the server-side prepared statement, as the JDBC reference does with one statement.
 *
 * <p>{@code ctx.transaction} in jOOQ 3.21 reads the connection's isolation level first, which pgjdbc
 * answers with one more round trip ({@code SHOW TRANSACTION ISOLATION LEVEL}, jOOQ issue #20135).
 * It stays: it is what a jOOQ user pays for a transaction today.
 */
final class JooqPaging implements Paging<OrdersRecord> {

    private final DSLContext ctx;
    private final int cursorFetchSize;

    JooqPaging(DSLContext ctx, int cursorFetchSize) {
        this.ctx = ctx;
        this.cursorFetchSize = cursorFetchSize;
    }

    @Override
    public void scanOffset(int pageSize, RowVisitor<? super OrdersRecord> visitor) {
        ctx.transaction(tx -> {
            for (long offset = 0; ; offset += pageSize) {
                if (visit(offsetPage(tx.dsl(), offset, pageSize), visitor) < pageSize) {
                    return;
                }
            }
        });
    }

    @Override
    public void scanKeyset(int pageSize, RowVisitor<? super OrdersRecord> visitor) {
        ctx.transaction(tx -> {
            Result<OrdersRecord> page = keysetPage(tx.dsl(), 0, pageSize);
            while (visit(page, visitor) == pageSize) {
                page = keysetPage(tx.dsl(), page.getLast().getId(), pageSize);
            }
        });
    }

    @Override
    public void scanCursor(RowVisitor<? super OrdersRecord> visitor) {
        // pgjdbc streams only inside a transaction; the fetch size goes on this query alone.
        ctx.transaction(tx -> {
            try (Cursor<OrdersRecord> cursor = tx.dsl().selectFrom(ORDERS).orderBy(ORDERS.ID)
                    .fetchSize(cursorFetchSize).fetchLazy()) {
                for (OrdersRecord row : cursor) {
                    visitor.visit(row.getId(), row);
                }
            }
        });
    }

    @Override
    public List<OrdersRecord> pageOffset(long offset, int pageSize) {
        return offsetPage(ctx, offset, pageSize);
    }

    @Override
    public List<OrdersRecord> pageKeyset(long afterId, int pageSize) {
        return keysetPage(ctx, afterId, pageSize);
    }

    @Override
    public long id(OrdersRecord row) {
        return row.getId();
    }

    @Override
    public OrderRow toOrderRow(OrdersRecord row) {
        return new OrderRow(row.getId(), row.getCustomerId(), row.getStatus(), row.getAmount(), row.getCreatedAt(),
                row.getNote());
    }

    private static Result<OrdersRecord> offsetPage(DSLContext dsl, long offset, int pageSize) {
        return dsl.selectFrom(ORDERS).orderBy(ORDERS.ID).limit(pageSize).offset(offset).fetch();
    }

    private static Result<OrdersRecord> keysetPage(DSLContext dsl, long afterId, int pageSize) {
        return dsl.selectFrom(ORDERS).orderBy(ORDERS.ID).seek(afterId).limit(pageSize).fetch();
    }

    private static int visit(Result<OrdersRecord> page, RowVisitor<? super OrdersRecord> visitor) {
        for (OrdersRecord row : page) {
            visitor.visit(row.getId(), row);
        }
        return page.size();
    }
}
