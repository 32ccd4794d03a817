package io.batchbench.workload.paging;

import java.util.Locale;

import io.batchbench.workload.Params;

/** How a full scan reads the table. */
public enum ScanStrategy {
    OFFSET, KEYSET, CURSOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanStrategy parse(String value) {
        return Params.choice("full-scan strategy", value, ScanStrategy.class, ScanStrategy::label);
    }

    /** Runs this strategy: the one place a strategy name turns into a call. */
    public <T> void scan(Paging<T> paging, int pageSize, RowVisitor<? super T> visitor) {
        switch (this) {
            case OFFSET -> paging.scanOffset(pageSize, visitor);
            case KEYSET -> paging.scanKeyset(pageSize, visitor);
            case CURSOR -> paging.scanCursor(visitor);
        }
    }
}
