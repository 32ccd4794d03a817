package io.batchbench.tools.doc;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Doc.Table} column by column: text columns first, then numbers. */
public final class TableBuilder {

    private final List<String> header = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public TableBuilder text(String... names) {
        for (String name : names) {
            header.add(name);
            numeric.add(false);
        }
        return this;
    }

    public TableBuilder numbers(String... names) {
        for (String name : names) {
            header.add(name);
            numeric.add(true);
        }
        return this;
    }

    public TableBuilder row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public Doc.Table build() {
        return new Doc.Table(header, numeric, rows);
    }
}
