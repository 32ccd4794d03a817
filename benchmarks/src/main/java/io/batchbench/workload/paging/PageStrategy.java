package io.batchbench.workload.paging;

import java.util.List;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/** How one page deep in the table is found, by the name the {@code strategy} parameter uses; the naive form first. */
public enum PageStrategy implements Labelled {
    OFFSET("offset"),
    KEYSET("keyset");

    private final String label;

    PageStrategy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static PageStrategy parse(String value) {
        return Params.choice("strategy", value, PageStrategy.class);
    }

    /**
     * Reads the page at {@code depth}: OFFSET skips {@code depth} rows; KEYSET starts after the key
     * of the row before it, which a client has from the previous page ({@code afterId}). The one
     * place a strategy name turns into a call.
     */
    public <T> List<T> page(Paging<T> paging, long depth, long afterId, int pageSize) {
        return switch (this) {
            case OFFSET -> paging.pageOffset(depth, pageSize);
            case KEYSET -> paging.pageKeyset(afterId, pageSize);
        };
    }
}
