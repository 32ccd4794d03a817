package io.batchbench.workload.paging;

/** Receives the rows of a scan, in the order the framework delivers them. */
@FunctionalInterface
public interface RowVisitor<T> {

    void visit(long id, T row);
}
