package io.batchbench.workload.paging;

import java.util.List;
import java.util.Locale;

import io.batchbench.workload.Params;

/** How one page deep in the table is found. */
public enum PageStrategy {
    OFFSET, KEYSET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PageStrategy parse(String value) {
        return Params.choice("page strategy", value, PageStrategy.class, PageStrategy::label);
    }

    /**
     * Reads the page at {@code depth}: OFFSET skips {@code depth} rows; KEYSET starts after the key
     * of the row before it, which a client has from the previous page ({@code afterId}).
     */
    public <T> List<T> page(Paging<T> paging, long depth, long afterId, int pageSize) {
        return switch (this) {
            case OFFSET -> paging.pageOffset(depth, pageSize);
            case KEYSET -> paging.pageKeyset(afterId, pageSize);
        };
    }
}
