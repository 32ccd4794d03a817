package io.batchbench.framework.springdata;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A {@link Pageable} that starts at any row, not only at a page boundary as
 * {@code PageRequest} does: for the page at a depth that is not a multiple of the page size.
 * {@code SimpleJpaRepository} reads {@code getOffset()} and {@code getPageSize()}, so the query is
 * the one a {@code PageRequest} sends.
 */
record RowOffset(long offset, int size, Sort sort) implements Pageable {

    @Override
    public int getPageNumber() {
        return Math.toIntExact(offset / size);
    }

    @Override
    public int getPageSize() {
        return size;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new RowOffset(offset + size, size, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return hasPrevious() ? new RowOffset(Math.max(0, offset - size), size, sort) : first();
    }

    @Override
    public Pageable first() {
        return new RowOffset(0, size, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new RowOffset((long) pageNumber * size, size, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
