package io.batchbench.workload.paging;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/** How a full scan reads the table, by the name the {@code strategy} parameter uses; the naive form first. */
public enum ScanStrategy implements Labelled {
    OFFSET("offset"),
    KEYSET("keyset"),
    CURSOR("cursor");

    private final String label;

    ScanStrategy(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static ScanStrategy parse(String value) {
        return Params.choice("strategy", value, ScanStrategy.class);
    }

    /**
     * Runs this strategy: the one place a strategy name turns into a call. A switch expression, so
     * a new constant does not compile until it names its call.
     */
    public <T> void scan(Paging<T> paging, int pageSize, RowVisitor<? super T> visitor) {
        Runnable call = switch (this) {
            case OFFSET -> () -> paging.scanOffset(pageSize, visitor);
            case KEYSET -> () -> paging.scanKeyset(pageSize, visitor);
            case CURSOR -> () -> paging.scanCursor(visitor);
        };
        call.run();
    }
}
