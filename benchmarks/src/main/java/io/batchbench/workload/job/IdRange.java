package io.batchbench.workload.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Ids from {@code from} to {@code to}, both included; empty when {@code from > to}.
 * The range split cuts the matching rows' range into equal id intervals, as a partitioner by
 * column range does (Spring Batch's {@code ColumnRangePartitioner}), without counting rows first.
 */
public record IdRange(long from, long to) {

    public static final IdRange EMPTY = new IdRange(1, 0);

    public boolean isEmpty() {
        return from > to;
    }

    /** {@code parts} disjoint ranges that together cover this one exactly; empty ranges where it is too short. */
    public List<IdRange> split(int parts) {
        List<IdRange> ranges = new ArrayList<>(parts);
        if (isEmpty()) {
            return ranges;
        }
        long width = to - from + 1;
        long start = from;
        for (int part = 0; part < parts; part++) {
            long end = from + Math.floorDiv(width * (part + 1), parts) - 1;
            ranges.add(new IdRange(start, end));
            start = end + 1;
        }
        return ranges;
    }
}
