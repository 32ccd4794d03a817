package io.batchbench.workload.update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.batchbench.workload.Chunks;

/**
 * One update operation: the orders with ids 1..rows get amount = f(id, round), a value that
 * differs per row and per round, so every operation changes every row, and that SQL can compute
 * too, so a set-based UPDATE ends in exactly the state the row-by-row strategies write:
 * <pre>f(id, round) = ((id * 7919 + round) mod 1,000,000) / 100</pre>
 * A trial makes one plan per round when it opens, outside the measured region, with the pairs
 * already cut into chunks of {@link Chunks#MAX_ROWS}, and its operations alternate between two
 * rounds, so each one changes every row.
 */
public final class UpdatePlan {

    /**
     * f(id, round) in SQL, with the round as the one parameter. The division is numeric, and
     * the value has at most two decimals, so storing it in numeric(12,2) rounds nothing.
     */
    public static final String AMOUNT_SQL = "((id * 7919 + ?) % 1000000) / 100.0";

    /** One row's new amount. */
    public record Change(long id, BigDecimal amount) {
    }

    private final long rows;
    private final int round;
    private final List<List<Change>> chunks = new ArrayList<>();

    public UpdatePlan(long rows, int round) {
        this.rows = rows;
        this.round = round;
        List<Change> chunk = new ArrayList<>();
        for (long id = 1; id <= rows; id++) {
            chunk.add(new Change(id, amount(id, round)));
            if (chunk.size() == Chunks.MAX_ROWS) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
    }

    public static BigDecimal amount(long id, int round) {
        return BigDecimal.valueOf(Math.floorMod(id * 7919 + round, 1_000_000L), 2);
    }

    /** The rows changed: ids 1..rows. */
    public long rows() {
        return rows;
    }

    public int round() {
        return round;
    }

    public BigDecimal amount(long id) {
        return amount(id, round);
    }

    /** The (id, amount) pairs in id order, in chunks. */
    public List<List<Change>> chunks() {
        return chunks;
    }
}
