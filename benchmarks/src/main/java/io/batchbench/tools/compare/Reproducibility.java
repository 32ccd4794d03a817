package io.batchbench.tools.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.report.PairedRatios;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.stats.Interval;

/**
 * Does B reproduce A? The share of B's medians that lie inside A's published intervals: per
 * cell, A's 95 % t-interval of the mean (the report's {@code ±}); per paired ratio, A's
 * rank-based interval of the median ratio (the report's brackets). Run against itself, the same
 * command on the same machine (an A/A pair), it is the reproducibility figure the methodology
 * page asks of a reference; against the reference, it tells a user how much of it their
 * machine reproduces. Only what A gives an interval for counts (two forks or more), and a work
 * metric only where either run measured more than nothing (reads write no WAL).
 */
final class Reproducibility {

    /** One row: what was compared, and how many of B's medians fell inside A's intervals. */
    private record Share(String measure, int inside, int total) {
    }

    private Reproducibility() {
    }

    static void write(Doc doc, Run a, Run b, List<CellKey> common) {
        Map<CellKey, Cell> left = a.byKey();
        Map<CellKey, Cell> right = b.byKey();
        List<Share> shares = new ArrayList<>();
        shares.add(cells("time", common, left, right, c -> Optional.of(c.primary())));
        for (String work : Cell.WORK) {
            shares.add(cells(work.equals(Cell.ALLOCATION) ? "allocation" : "`" + work + "`", common, left, right,
                    c -> c.metric(work)));
        }
        List<PairedRatios.Keyed> ours = PairedRatios.of(a);
        Map<List<Object>, PairedRatios.Keyed> theirs = PairedRatios.of(b).stream()
                .collect(Collectors.toMap(Reproducibility::identity, r -> r, (x, y) -> x));
        for (String kind : List.of(PairedRatios.FRAMEWORK, PairedRatios.STRATEGY)) {
            int inside = 0;
            int total = 0;
            for (PairedRatios.Keyed ratio : ours) {
                PairedRatios.Keyed other = theirs.get(identity(ratio));
                if (ratio.kind().equals(kind) && ratio.interval().hasInterval() && other != null) {
                    total++;
                    double median = other.interval().median();
                    inside += median >= ratio.interval().low() && median <= ratio.interval().high() ? 1 : 0;
                }
            }
            shares.add(new Share(kind.equals(PairedRatios.FRAMEWORK) ? "paired ratio, framework ÷ reference framework"
                    : "paired ratio, strategy ÷ naive strategy", inside, total));
        }
        TableBuilder table = new TableBuilder().text("measure").numbers("compared", "B inside A's interval", "share");
        shares.stream().filter(s -> s.total() > 0).forEach(s -> table.row(List.of(s.measure(),
                String.valueOf(s.total()), String.valueOf(s.inside()),
                Numbers.plain(Math.round(1000.0 * s.inside() / s.total()) / 10.0) + " %")));
        if (table.isEmpty()) {
            return;
        }
        doc.heading(2, "Reproducibility: B's medians inside A's intervals");
        doc.text("For every cell A measured in two forks or more: does B's median lie inside A's 95 % t-interval of "
                + "the mean (the report's ±)? For every paired ratio: does B's median ratio lie inside A's rank-based "
                + "interval (the report's brackets; 5 rounds give 93.8 %)? Two runs of one command on one machine "
                + "should land inside about 95 % of the time; far less says the intervals understate the run-to-run "
                + "spread (the machine drifts more between runs than within one).");
        doc.table(table.build());
    }

    private static Share cells(String measure, List<CellKey> common, Map<CellKey, Cell> left, Map<CellKey, Cell> right,
                               Function<Cell, Optional<Metric>> metric) {
        int inside = 0;
        int total = 0;
        for (CellKey key : common) {
            Optional<Metric> x = metric.apply(left.get(key));
            Optional<Metric> y = metric.apply(right.get(key));
            if (x.isEmpty() || y.isEmpty() || (x.get().mean() == 0 && y.get().median() == 0)) {
                continue;
            }
            OptionalDouble half = Interval.halfWidth(x.get());
            if (half.isPresent()) {
                total++;
                double median = y.get().median();
                inside += Math.abs(median - x.get().mean()) <= half.getAsDouble() ? 1 : 0;
            }
        }
        return new Share(measure, inside, total);
    }

    private static List<Object> identity(PairedRatios.Keyed ratio) {
        return List.of(ratio.kind(), ratio.cell(), ratio.reference());
    }
}
