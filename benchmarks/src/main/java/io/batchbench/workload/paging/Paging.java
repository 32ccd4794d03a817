package io.batchbench.workload.paging;

import java.util.List;

import io.batchbench.workload.OrderRow;

/**
 * Reading {@code orders} in key order, page by page, in one framework's idiom. Each framework
 * materialises its own objects ({@code T}): entities, records or mapped result objects.
 *
 * <p>A full scan runs in one transaction and hands every row to the visitor. Keys are positive,
 * so a keyset read that starts before the first row starts after key 0.
 */
public interface Paging<T> {

    /** Reads every row with {@code LIMIT pageSize OFFSET n}, n = 0, pageSize, ..., until a page comes back short. */
    void scanOffset(int pageSize, RowVisitor<? super T> visitor);

    /** Reads every row with {@code WHERE id > last ORDER BY id LIMIT pageSize} until a page comes back short. */
    void scanKeyset(int pageSize, RowVisitor<? super T> visitor);

    /** Reads every row from one query, streamed from a server-side cursor in batches of the fetch size. */
    void scanCursor(RowVisitor<? super T> visitor);

    /** The {@code pageSize} rows after the first {@code offset} rows in key order. */
    List<T> pageOffset(long offset, int pageSize);

    /** The {@code pageSize} rows whose keys follow {@code afterId}. */
    List<T> pageKeyset(long afterId, int pageSize);

    long id(T row);

    /** The row in the common shape, for comparison with the JDBC reference. */
    OrderRow toOrderRow(T row);
}
