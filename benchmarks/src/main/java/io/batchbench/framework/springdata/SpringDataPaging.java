package io.batchbench.framework.springdata;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.batchbench.jpa.OrderEntity;
import io.batchbench.workload.OrderRow;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.paging.RowVisitor;

/**
 * Paging with the repository, as Spring Data JPA's "Paging, Iterating Large Results, Sorting &amp;
 * Limiting" chapter does it. A scan runs in one read-only transaction ({@code TransactionTemplate}
 * with {@code readOnly}: Hibernate's session is read-only with manual flushing, and pgjdbc begins
 * it {@code READ ONLY}), and the persistence context is cleared after every page, as the
 * {@code hibernate} adapter does, so a scan holds one page of entities.
 * <ul>
 * <li>{@code offset}: {@code findAll(Pageable)} returning a {@code Page}, from
 *     {@code PageRequest.of(0, pageSize, Sort.by("id"))} on through {@code nextPageable()} while
 *     {@code hasNext()}. A {@code Page} knows its total: every page that comes back full runs a
 *     {@code select count(*)} as well (a short page, or a first page that is the whole table,
 *     does not). That is what the users of {@code Page} run, so it is measured.</li>
 * <li>{@code keyset}: a derived query method returning a {@code Window}, from
 *     {@code ScrollPosition.keyset()} on through {@code positionAt(last)} while
 *     {@code hasNext()}: {@code where id > :last order by id}, asking for {@code pageSize + 1}
 *     rows so the window knows whether another follows.</li>
 * <li>{@code cursor}: a repository method returning {@code Stream<OrderEntity>} with the fetch size
 *     and read-only hints (the {@link OrderStreaming} fragment), consumed and closed inside the
 *     transaction; the context is cleared every fetch.</li>
 * </ul>
 * A single page runs as Spring Data runs it when no transaction is open: {@code findAll(Pageable)}
 * in {@code SimpleJpaRepository}'s own read-only transaction, with its count query;
 * the keyset query method in none, in auto-commit. A {@code PageRequest} counts in whole pages, so
 * a depth between page boundaries gets a {@code Pageable} at that offset ({@link RowOffset}), which
 * sends the same query.
 */
final class SpringDataPaging implements Paging<OrderEntity> {

    private static final Sort BY_ID = Sort.by("id");

    private final OrderRepository orders;
    private final TransactionTemplate readOnly;
    private final EntityManager entityManager;
    private final int cursorFetchSize;

    SpringDataPaging(OrderRepository orders, PlatformTransactionManager transactions, EntityManager entityManager,
                     int cursorFetchSize) {
        this.orders = orders;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.entityManager = entityManager;
        this.cursorFetchSize = cursorFetchSize;
    }

    @Override
    public void scanOffset(int pageSize, RowVisitor<? super OrderEntity> visitor) {
        readOnly.executeWithoutResult(status -> {
            Page<OrderEntity> page = orders.findAll(PageRequest.of(0, pageSize, BY_ID));
            visitPage(page.getContent(), visitor);
            while (page.hasNext()) {
                page = orders.findAll(page.nextPageable());
                visitPage(page.getContent(), visitor);
            }
        });
    }

    @Override
    public void scanKeyset(int pageSize, RowVisitor<? super OrderEntity> visitor) {
        readOnly.executeWithoutResult(status -> {
            Limit limit = Limit.of(pageSize);
            Window<OrderEntity> window = orders.findAllByOrderByIdAsc(ScrollPosition.keyset(), limit);
            visitPage(window.getContent(), visitor);
            while (window.hasNext()) {
                window = orders.findAllByOrderByIdAsc(window.positionAt(window.size() - 1), limit);
                visitPage(window.getContent(), visitor);
            }
        });
    }

    @Override
    public void scanCursor(RowVisitor<? super OrderEntity> visitor) {
        // pgjdbc streams only inside a transaction, with a fetch size, from a forward-only result set.
        readOnly.executeWithoutResult(status -> {
            try (Stream<OrderEntity> stream = orders.streamAllByIdOrder(cursorFetchSize)) {
                Iterator<OrderEntity> rows = stream.iterator();
                for (long read = 1; rows.hasNext(); read++) {
                    OrderEntity row = rows.next();
                    visitor.visit(row.getId(), row);
                    if (read % cursorFetchSize == 0) {
                        entityManager.clear();
                    }
                }
            }
        });
    }

    @Override
    public List<OrderEntity> pageOffset(long offset, int pageSize) {
        Pageable page = offset % pageSize == 0
                ? PageRequest.of(Math.toIntExact(offset / pageSize), pageSize, BY_ID)
                : new RowOffset(offset, pageSize, BY_ID);
        return orders.findAll(page).getContent();
    }

    @Override
    public List<OrderEntity> pageKeyset(long afterId, int pageSize) {
        return orders.findAllByOrderByIdAsc(ScrollPosition.forward(Map.of("id", afterId)), Limit.of(pageSize))
                .getContent();
    }

    @Override
    public long id(OrderEntity row) {
        return row.getId();
    }

    @Override
    public OrderRow toOrderRow(OrderEntity row) {
        return row.toOrderRow();
    }

    private void visitPage(List<OrderEntity> rows, RowVisitor<? super OrderEntity> visitor) {
        for (OrderEntity row : rows) {
            visitor.visit(row.getId(), row);
        }
        entityManager.clear();
    }
}
