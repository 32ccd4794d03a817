package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cells of one section of a workload laid out framework × strategy, in the order the
 * benchmark declares them ({@link DeclaredParams}). A workload without those parameters gets one
 * row and one column, so every workload reads the same way.
 */
final class Pivot {

    static final String FRAMEWORK = "framework";
    static final String STRATEGY = "strategy";

    final List<String> frameworks;
    final List<String> strategies;
    private final DeclaredParams declared;
    private final Map<String, Map<String, CellFigures>> cells = new LinkedHashMap<>();

    private final Set<List<String>> notApplicable;

    Pivot(List<CellFigures> section) {
        this(section, Set.of());
    }

    /**
     * @param notApplicable the (framework, strategy) pairs of this section that the run's selection
     *                      named but that are no cell: laid out as rows and columns like the others
     */
    Pivot(List<CellFigures> section, Set<List<String>> notApplicable) {
        this.notApplicable = Set.copyOf(notApplicable);
        declared = DeclaredParams.of(section.get(0).cell().key());
        TreeSet<String> rows = new TreeSet<>(declared.order(FRAMEWORK));
        TreeSet<String> columns = new TreeSet<>(declared.order(STRATEGY));
        for (List<String> absent : notApplicable) {
            rows.add(absent.get(0));
            columns.add(absent.get(1));
        }
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

    /** {@code `value`}, with a space before it, or nothing for a workload without the parameter (the concurrent job splits instead). */
    static String quotedAfter(String value) {
        return value.isEmpty() ? "" : " `" + value + "`";
    }

    Optional<CellFigures> cell(String framework, String strategy) {
        return Optional.ofNullable(cells.getOrDefault(framework, Map.of()).get(strategy));
    }

    boolean notApplicable(String framework, String strategy) {
        return notApplicable.contains(List.of(framework, strategy));
    }

    /** Every cell, framework by framework, each in strategy order. */
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

    /**
     * The framework the others are compared with: the first the benchmark declares that the section
     * has, so {@code jdbc} where it ran, and in a run without it the next ({@code hibernate} for
     * {@code springdata}, whose question is what Spring Data adds to Hibernate).
     */
    Optional<String> referenceFramework() {
        return declared.firstOf(FRAMEWORK, frameworks);
    }

    Optional<CellFigures> bestOf(String framework) {
        return best(all().stream().filter(f -> framework(f).equals(framework)).toList());
    }

    /** The form a tutorial would write, the first strategy the benchmark declares, when the section has it. */
    Optional<String> naiveStrategy() {
        return declared.first(STRATEGY).filter(strategies::contains);
    }
}
