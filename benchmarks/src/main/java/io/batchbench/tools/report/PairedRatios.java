package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Direction;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.stats.MedianInterval;

/**
 * Ratios of two cells taken sample by sample: in a rounds run fork i of every cell ran in round i,
 * in an order shuffled anew each round, so the ratio of the two forks of one round cancels the
 * machine's drift from round to round, which the ratio of two means over the whole run keeps. The ratios of the rounds
 * give a median and a rank-based interval ({@link MedianInterval}). A run made of forks alone is
 * paired by fork index, which pairs forks that ran apart: the report says which pairing it used.
 * Every ratio is of times (the cell's time ÷ the reference's; above 1 is slower), whatever the
 * mode, so that "hibernate ÷ jdbc" reads the same in every table.
 */
public final class PairedRatios {

    public static final String FRAMEWORK = "framework";
    public static final String STRATEGY = "strategy";

    /**
     * @param kind  {@link #FRAMEWORK} (a framework ÷ the reference framework, same strategy) or
     *              {@link #STRATEGY} (a strategy ÷ the framework's naive strategy)
     */
    record Ratio(String kind, CellFigures cell, CellFigures reference, MedianInterval interval) {

        /** {@code hibernate ÷ jdbc, keyset} or {@code jdbc: keyset ÷ offset}. */
        String label() {
            return kind.equals(FRAMEWORK)
                    ? "`" + Pivot.framework(cell) + "` ÷ `" + Pivot.framework(reference) + "`"
                            + (Pivot.strategy(cell).isEmpty() ? "" : ",") + Pivot.quotedAfter(Pivot.strategy(cell))
                    : "`" + Pivot.framework(cell) + "`: `" + Pivot.strategy(cell) + "` ÷ `" + Pivot.strategy(reference) + "`";
        }

        /** {@code 1.62× [1.50, 1.71]}, or {@code 1.62× (n=1)}. */
        String text() {
            return Numbers.times(interval.median()) + (interval.hasInterval()
                    ? " [" + Numbers.ratio(interval.low()) + ", " + Numbers.ratio(interval.high()) + "]" : " (n=1)");
        }

        String coverageText() {
            return interval.hasInterval() ? Numbers.plain(Math.round(interval.coverage() * 1000) / 10.0) + " %" : "";
        }
    }

    /** A ratio named by the keys of its two cells, for a tool that reads a run without reporting it. */
    public record Keyed(String kind, CellKey cell, CellKey reference, MedianInterval interval) {
    }

    /** Every paired ratio of a run, exactly as its report shows them: per workload, per section. */
    public static List<Keyed> of(Run run) {
        List<Keyed> keyed = new ArrayList<>();
        run.cells().stream()
                .collect(Collectors.groupingBy(c -> c.key().benchmark(), LinkedHashMap::new, Collectors.toList()))
                .values().forEach(cells -> ReportBuilder.sections(cells).values()
                        .forEach(section -> of(new Pivot(section)).forEach(r -> keyed.add(new Keyed(r.kind(),
                                r.cell().cell().key(), r.reference().cell().key(), r.interval())))));
        return keyed;
    }

    /** How the samples of two cells were paired: by round in a rounds run, by fork index otherwise. */
    static String pairing(JsonNode env) {
        return env.has("rounds") ? "round" : "fork";
    }

    private PairedRatios() {
    }

    /** Every framework ÷ the reference framework and every strategy ÷ the naive one, in the pivot's order. */
    static List<Ratio> of(Pivot pivot) {
        List<Ratio> ratios = new ArrayList<>();
        Optional<String> reference = pivot.referenceFramework();
        Optional<String> naive = pivot.naiveStrategy();
        for (CellFigures figures : pivot.all()) {
            String framework = Pivot.framework(figures);
            String strategy = Pivot.strategy(figures);
            reference.filter(r -> !r.equals(framework)).flatMap(r -> pivot.cell(r, strategy))
                    .flatMap(r -> ratio(FRAMEWORK, figures, r)).ifPresent(ratios::add);
        }
        for (CellFigures figures : pivot.all()) {
            String framework = Pivot.framework(figures);
            String strategy = Pivot.strategy(figures);
            naive.filter(n -> !n.equals(strategy)).flatMap(n -> pivot.cell(framework, n))
                    .flatMap(n -> ratio(STRATEGY, figures, n)).ifPresent(ratios::add);
        }
        return ratios;
    }

    /** Empty when the two cells have different numbers of samples: then no sample has a partner. */
    private static Optional<Ratio> ratio(String kind, CellFigures cell, CellFigures reference) {
        double[] a = cell.shown().forkSamples();
        double[] b = reference.shown().forkSamples();
        if (a.length != b.length || cell.direction() != reference.direction()) {
            return Optional.empty();
        }
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = cell.direction() == Direction.LOWER_IS_BETTER ? a[i] / b[i] : b[i] / a[i];
        }
        return Optional.of(new Ratio(kind, cell, reference, MedianInterval.of(ratios)));
    }
}
