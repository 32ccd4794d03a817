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
import io.batchbench.tools.stats.SameDistribution;

/**
 * Does B reproduce A? The share of B's medians that lie inside A's published intervals: per
 * cell, A's 95 % t-interval of the mean (the report's {@code ±}); per paired ratio, A's
 * rank-based interval of the median ratio (the report's brackets). For the same command run
 * twice (an A/A pair) it is the reproducibility figure the methodology page asks of a reference;
 * against the reference, it tells a user how much of it their machine reproduces. Beside each
 * share, what two runs that sample one distribution would reach with these forks
 * ({@link SameDistribution}: about 85 % with 5 a side, not 95 %). Only what A gives an interval
 * for counts (two forks or more), and a work metric only where either run measured more than
 * nothing (reads write no WAL).
 */
final class Reproducibility {

    /** One row: what was compared, and how many of B's medians fell inside A's intervals. */
    private record Share(String measure, int inside, int total, double expected) {
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
            double expected = 0;
            for (PairedRatios.Keyed ratio : ours) {
                PairedRatios.Keyed other = theirs.get(identity(ratio));
                if (ratio.kind().equals(kind) && ratio.interval().hasInterval() && other != null) {
                    total++;
                    expected += SameDistribution.ratioShare(ratio.interval().n(), other.interval().n());
                    double median = other.interval().median();
                    inside += median >= ratio.interval().low() && median <= ratio.interval().high() ? 1 : 0;
                }
            }
            shares.add(new Share(kind.equals(PairedRatios.FRAMEWORK) ? "paired ratio, framework ÷ reference framework"
                    : "paired ratio, strategy ÷ naive strategy", inside, total, expected));
        }
        TableBuilder table = new TableBuilder().text("measure")
                .numbers("compared", "B inside A's interval", "share", "one distribution would give");
        shares.stream().filter(s -> s.total() > 0).forEach(s -> table.row(List.of(s.measure(),
                String.valueOf(s.total()), String.valueOf(s.inside()), percent(s.inside() / (double) s.total()),
                percent(s.expected() / s.total()))));
        if (table.isEmpty()) {
            return;
        }
        doc.heading(2, "Reproducibility: B's medians inside A's intervals");
        doc.text("For every cell A measured in two forks or more: does B's median lie inside A's 95 % t-interval of "
                + "the mean (the report's ±)? For every paired ratio: does B's median ratio lie inside A's rank-based "
                + "interval (the report's brackets)? Even two runs that sample one and the same distribution do not "
                + "reach 95 %: A's interval is for A's mean, and B's median has noise of its own. The last column is "
                + "what they would reach with these forks (simulated); a share well below it says the runs differ by "
                + "more than their forks' noise: another machine, or drift between the runs.");
        doc.table(table.build());
    }

    private static Share cells(String measure, List<CellKey> common, Map<CellKey, Cell> left, Map<CellKey, Cell> right,
                               Function<Cell, Optional<Metric>> metric) {
        int inside = 0;
        int total = 0;
        double expected = 0;
        for (CellKey key : common) {
            Optional<Metric> x = metric.apply(left.get(key));
            Optional<Metric> y = metric.apply(right.get(key));
            if (x.isEmpty() || y.isEmpty() || (x.get().mean() == 0 && y.get().median() == 0)) {
                continue;
            }
            OptionalDouble half = Interval.halfWidth(x.get());
            if (half.isPresent()) {
                total++;
                expected += SameDistribution.cellShare(x.get().forks(), y.get().forks());
                double median = y.get().median();
                inside += Math.abs(median - x.get().mean()) <= half.getAsDouble() ? 1 : 0;
            }
        }
        return new Share(measure, inside, total, expected);
    }

    private static String percent(double share) {
        return Numbers.plain(Math.round(1000 * share) / 10.0) + " %";
    }

    private static List<Object> identity(PairedRatios.Keyed ratio) {
        return List.of(ratio.kind(), ratio.cell(), ratio.reference());
    }
}
