package io.batchbench.workload.paging;

import org.openjdk.jmh.infra.Blackhole;

import io.batchbench.workload.WrongResultException;

/**
 * Consumes a full scan and proves it visited every row exactly once: keys strictly increase, so
 * none repeats, and the count and the last key match the table, so none is missing. It costs a
 * comparison and an increment per row, the same for every framework.
 */
public final class ScanCheck implements RowVisitor<Object> {

    private final String scan;
    private final Blackhole blackhole;
    private final long expectedRows;
    private final long expectedLastId;
    private long visited;
    private long lastId;

    public ScanCheck(String scan, Blackhole blackhole, long expectedRows, long expectedLastId) {
        this.scan = scan;
        this.blackhole = blackhole;
        this.expectedRows = expectedRows;
        this.expectedLastId = expectedLastId;
    }

    @Override
    public void visit(long id, Object row) {
        if (id <= lastId) {
            throw new WrongResultException(scan + " visited key " + id + " after key " + lastId
                    + ": rows repeated or out of order");
        }
        lastId = id;
        visited++;
        blackhole.consume(row);
    }

    /** The number of rows visited, once they are known to be the whole table. */
    public long verified() {
        if (visited != expectedRows || lastId != expectedLastId) {
            throw new WrongResultException(scan + " visited " + visited + " rows ending at key " + lastId
                    + "; the table has " + expectedRows + " rows ending at key " + expectedLastId);
        }
        return visited;
    }
}
