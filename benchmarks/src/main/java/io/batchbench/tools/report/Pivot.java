package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cells of one section of a workload laid out framework × strategy. A workload without those
 * parameters gets one row and one column, so every workload reads the same way.
 */
public final class Pivot {

    static final String FRAMEWORK = "framework";
    static final String STRATEGY = "strategy";
    /** JDBC is the reference, so it comes first; the others alphabetically. */
    static final Comparator<String> FRAMEWORKS = Comparator.comparing((String f) -> !f.equals("jdbc"))
            .thenComparing(Comparator.naturalOrder());
    /**
     * One order that lists every workload's strategies as its benchmark declares them, naive first
     * (paging offset, keyset, cursor; insert row, batch, multirow, copy; update dirtyCheck,
     * projection, batch, bulk, values; job offset, keyset, bulk), so tables and charts read alike.
     */
    static final List<String> STRATEGY_ORDER = List.of("offset", "keyset", "cursor", "row", "dirtyCheck",
            "projection", "batch", "multirow", "copy", "bulk", "values");
    /** The form a tutorial would write, which each framework's other strategies are measured against. */
    static final List<String> NAIVE = List.of("offset", "row", "dirtyCheck");
    static final Comparator<String> STRATEGIES = Comparator.comparing((String s) -> {
        int index = STRATEGY_ORDER.indexOf(s);
        return index < 0 ? STRATEGY_ORDER.size() : index;
    }).thenComparing(Comparator.naturalOrder());

    final List<String> frameworks;
    final List<String> strategies;
    private final Map<String, Map<String, CellFigures>> cells = new LinkedHashMap<>();

    Pivot(List<CellFigures> section) {
        TreeSet<String> rows = new TreeSet<>(FRAMEWORKS);
        TreeSet<String> columns = new TreeSet<>(STRATEGIES);
        for (CellFigures figures : section) {
            String framework = framework(figures);
            String strategy = strategy(figures);
            rows.add(framework);
            columns.add(strategy);
            cells.computeIfAbsent(framework, f -> new TreeMap<>()).put(strategy, figures);
        }
        frameworks = List.copyOf(rows);
        strategies = List.copyOf(columns);
    }

    static String framework(CellFigures figures) {
        return figures.cell().key().params().getOrDefault(FRAMEWORK, "");
    }

    static String strategy(CellFigures figures) {
        return figures.cell().key().params().getOrDefault(STRATEGY, "");
    }

    Optional<CellFigures> cell(String framework, String strategy) {
        return Optional.ofNullable(cells.getOrDefault(framework, Map.of()).get(strategy));
    }

    List<CellFigures> all() {
        List<CellFigures> all = new ArrayList<>();
        for (String framework : frameworks) {
            for (String strategy : strategies) {
                cell(framework, strategy).ifPresent(all::add);
            }
        }
        return all;
    }

    Optional<CellFigures> best(List<CellFigures> candidates) {
        CellFigures best = null;
        for (CellFigures figures : candidates) {
            if (best == null || figures.direction().better(figures.value(), best.value())) {
                best = figures;
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<CellFigures> bestOf(String framework) {
        return best(all().stream().filter(f -> framework(f).equals(framework)).toList());
    }

    Optional<String> naiveStrategy() {
        return NAIVE.stream().filter(strategies::contains).findFirst();
    }
}
