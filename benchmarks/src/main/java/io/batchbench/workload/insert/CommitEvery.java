package io.batchbench.workload.insert;

/** The {@code commitEvery} parameter: a number of rows per transaction, or {@code all} for one transaction. */
public final class CommitEvery {

    public static final String ALL = "all";

    private CommitEvery() {
    }

    /** Rows per transaction; {@link Integer#MAX_VALUE} for {@code all}. */
    public static int parse(String value) {
        if (ALL.equals(value)) {
            return Integer.MAX_VALUE;
        }
        try {
            int rows = Integer.parseInt(value);
            if (rows > 0) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("commitEvery must be a number of rows of at least 1 or '" + ALL
                + "', got '" + value + "'");
    }
}
