package io.batchbench.tools.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.run.Audit;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.EnvironmentDiff;
import io.batchbench.tools.run.RunEnvironment;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.UnusableInputException;
import io.batchbench.tools.stats.MannWhitney;

/**
 * compare, like benchstat: per benchmark a table of A and B (medians of per-fork samples), the
 * change, a two-sided Mann–Whitney p-value and {@code ~} where the difference is not significant,
 * a geometric-mean row; cells only in A or only in B; and before all that, loudly, every
 * environment difference that changes what is measured, then how many of B's medians lie inside
 * A's intervals ({@link Reproducibility}).
 */
public final class Comparison {

    static final double ALPHA = 0.05;
    /** Up to this many cells only in one run are listed one by one. */
    private static final int LISTED = 10;

    private Comparison() {
    }

    static Doc build(Run a, Run b) {
        Map<CellKey, Cell> left = a.byKey();
        Map<CellKey, Cell> right = b.byKey();
        List<CellKey> common = b.cells().stream().map(Cell::key).filter(left::containsKey).toList();
        if (common.isEmpty()) {
            throw new UnusableInputException(a.name() + " and " + b.name()
                    + " have no benchmark in common (same benchmark and parameters): nothing to compare");
        }
        Doc doc = new Doc().heading(1, "batchbench compare");
        doc.bullets(List.of("A: `" + a.name() + "`", "B: `" + b.name() + "`"));
        environment(doc, a, b);
        settings(doc, common, left, right);
        Reproducibility.write(doc, a, b, common);
        doc.text("Medians of one sample per fork; delta is B against A; p is the two-sided Mann–Whitney U test; `~` "
                + "means the difference is not significant at " + ALPHA + " (or either side has one fork).");
        Map<String, List<CellKey>> byBenchmark = new LinkedHashMap<>();
        common.forEach(k -> byBenchmark.computeIfAbsent(k.benchmark(), x -> new ArrayList<>()).add(k));
        byBenchmark.forEach((benchmark, keys) -> {
            Cell sample = left.get(keys.get(0));
            doc.heading(2, sample.key().shortName() + " (" + sample.primary().unit() + ")");
            doc.table(metricTable(keys, left, right, Cell::primary));
            for (String work : Cell.WORK) {
                if (keys.stream().allMatch(k -> left.get(k).metric(work).isPresent()
                        && right.get(k).metric(work).isPresent())) {
                    doc.text((work.equals(Cell.ALLOCATION) ? "Allocation" : "`" + work + "`") + " per operation ("
                            + left.get(keys.get(0)).metric(work).orElseThrow().unit() + "):");
                    doc.table(metricTable(keys, left, right, c -> c.metric(work).orElseThrow()));
                }
            }
            counts(doc, keys, left, right);
        });
        only(doc, "A", a.cells().stream().map(Cell::key).filter(k -> !right.containsKey(k)).toList());
        only(doc, "B", b.cells().stream().map(Cell::key).filter(k -> !left.containsKey(k)).toList());
        return doc;
    }

    /**
     * The cells one run has and the other lacks: listed when few, counted per benchmark when many
     * (a run of one workload against the whole published reference leaves a hundred and more).
     */
    private static void only(Doc doc, String side, List<CellKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        doc.heading(2, "Only in " + side + " (" + keys.size() + ")");
        if (keys.size() <= LISTED) {
            doc.bullets(keys.stream().map(k -> "`" + k.label() + "`").toList());
            return;
        }
        Map<String, Integer> perBenchmark = new LinkedHashMap<>();
        keys.forEach(k -> perBenchmark.merge(k.shortName(), 1, Integer::sum));
        doc.bullets(perBenchmark.entrySet().stream().map(e -> "`" + e.getKey() + "`: " + e.getValue() + " cells").toList());
    }

    /** Cells measured with other warm-up, measurement or thread settings, grouped by the pair of settings. */
    private static void settings(Doc doc, List<CellKey> common, Map<CellKey, Cell> left, Map<CellKey, Cell> right) {
        Map<List<String>, Integer> pairs = new LinkedHashMap<>();
        for (CellKey key : common) {
            String x = left.get(key).settings();
            String y = right.get(key).settings();
            if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
                pairs.merge(List.of(x, y), 1, Integer::sum);
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        doc.heading(2, "⚠ The measurement settings differ");
        doc.text("**A shorter warm-up or measurement can measure a colder JIT or a different mix of checkpoints:** "
                + "rerun with the same JMH options to compare like with like.");
        TableBuilder table = new TableBuilder().numbers("cells").text("A", "B");
        pairs.forEach((pair, count) -> table.row(List.of(String.valueOf(count), pair.get(0), pair.get(1))));
        doc.table(table.build());
    }

    private static void environment(Doc doc, Run a, Run b) {
        if (a.env().isEmpty() || b.env().isEmpty()) {
            doc.text("**⚠ Environment unknown** for " + (a.env().isEmpty() ? "A" : "B")
                    + " (no env.json): differences below may come from the machine, the JDK or the database, not the change.");
            return;
        }
        EnvironmentDiff diff = EnvironmentDiff.between(a.env(), b.env());
        List<EnvironmentDiff.Difference> loud = RunEnvironment.differences(a.env(), b.env()).stream()
                .filter(d -> !d.isCommit()).toList();
        if (!loud.isEmpty()) {
            doc.heading(2, "⚠ The environments differ");
            doc.text("**These runs did not measure the same thing:** the differences below move the numbers on their "
                    + "own. Runs from different machines or minutes apart are mostly noise; use `scripts/ab` to compare "
                    + "two builds in one job.");
            TableBuilder table = new TableBuilder().text("", "A", "B");
            loud.forEach(d -> table.row(List.of("`" + d.field() + "`", d.a(), d.b())));
            doc.table(table.build());
        }
        List<String> other = diff.measurementDifferences().stream().map(EnvironmentDiff.Difference::field)
                .filter(field -> !RunEnvironment.movesTheNumbers(field)).toList();
        if (!other.isEmpty()) {
            doc.text("Also different, not known to move the numbers: " + other.stream().map(f -> "`" + f + "`")
                    .collect(java.util.stream.Collectors.joining(", ")) + ".");
        }
        diff.differences().stream().filter(EnvironmentDiff.Difference::isCommit)
                .forEach(d -> doc.text("`" + d.field() + "`: A " + d.a() + ", B " + d.b() + "."));
    }

    private static Doc.Table metricTable(List<CellKey> keys, Map<CellKey, Cell> left, Map<CellKey, Cell> right,
                                         Function<Cell, Metric> metric) {
        TableBuilder table = new TableBuilder().text("parameters").numbers("A", "B", "delta", "p", "forks A / B");
        double logA = 0;
        double logB = 0;
        int positive = 0;
        for (CellKey key : keys) {
            Metric x = metric.apply(left.get(key));
            Metric y = metric.apply(right.get(key));
            Optional<Double> p = x.forks() > 1 && y.forks() > 1
                    ? Optional.of(MannWhitney.differ(x.forkSamples(), y.forkSamples())) : Optional.empty();
            boolean significant = p.isPresent() && p.get() < ALPHA;
            table.row(List.of(key.paramText().isEmpty() ? "(none)" : key.paramText(), Numbers.format(x.median()),
                    Numbers.format(y.median()), significant ? Numbers.percent(y.median() / x.median() - 1) : "~",
                    p.map(Numbers::pValue).orElse("n=1"), x.forks() + " / " + y.forks()));
            if (x.median() > 0 && y.median() > 0) {
                logA += Math.log(x.median());
                logB += Math.log(y.median());
                positive++;
            }
        }
        if (positive > 1) {
            double geoA = Math.exp(logA / positive);
            double geoB = Math.exp(logB / positive);
            table.row(List.of("**geomean**", Numbers.format(geoA), Numbers.format(geoB),
                    Numbers.percent(geoB / geoA - 1), "", ""));
        }
        return table.build();
    }

    private static void counts(Doc doc, List<CellKey> keys, Map<CellKey, Cell> left, Map<CellKey, Cell> right) {
        TableBuilder table = new TableBuilder().text("parameters").numbers("A stmts", "B stmts", "A trips", "B trips")
                .text("");
        for (CellKey key : keys) {
            Optional<Audit> x = left.get(key).audit();
            Optional<Audit> y = right.get(key).audit();
            if (x.isPresent() && y.isPresent()) {
                boolean more = y.get().roundTripsPer1000Rows() > x.get().roundTripsPer1000Rows()
                        || y.get().statementsPer1000Rows() > x.get().statementsPer1000Rows();
                boolean fewer = y.get().roundTripsPer1000Rows() < x.get().roundTripsPer1000Rows()
                        || y.get().statementsPer1000Rows() < x.get().statementsPer1000Rows();
                table.row(List.of(key.paramText(), Numbers.format(x.get().statementsPer1000Rows()),
                        Numbers.format(y.get().statementsPer1000Rows()), Numbers.format(x.get().roundTripsPer1000Rows()),
                        Numbers.format(y.get().roundTripsPer1000Rows()),
                        x.get().raced() || y.get().raced() ? "varies (units race)" : more ? "**more**" : fewer ? "fewer" : "same"));
            }
        }
        if (!table.isEmpty()) {
            doc.text("Statements and round trips per 1,000 rows (exact counts):");
            doc.table(table.build());
        }
    }
}
