package io.batchbench.tools.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Run;

/**
 * {@code report --rtt MS}: what every audited cell of a run would take at another round-trip
 * time, projected from the audit: the cell's time at the lowest rtt it was measured at, plus its
 * round trips per operation × (MS − the round trip that trial measured). A what-if, written after
 * the measurements in tables of its own, each labelled as a projection, and in projection.csv
 * apart from results.csv: a projected number never sits in a table of measured ones.
 */
final class Projection {

    static final String CSV = "projection.csv";

    private Projection() {
    }

    static void write(Doc doc, SortedMap<String, byte[]> files, Run run, List<Double> rtts) {
        Map<String, List<Cell>> workloads = run.cells().stream()
                .collect(Collectors.groupingBy(c -> c.key().benchmark(), () -> new TreeMap<>(ReportBuilder.WORKLOADS),
                        Collectors.toList()));
        StringBuilder csv = new StringBuilder();
        TreeSet<String> params = new TreeSet<>();
        run.cells().forEach(c -> params.addAll(c.key().params().keySet()));
        params.remove(Cell.RTT);
        List<String> header = new ArrayList<>(List.of("benchmark"));
        header.addAll(params);
        header.addAll(List.of("projected_rtt_ms", "from_rtt_ms", "from_rtt_measured_ms", "round_trips_per_op",
                "from_ms_per_op", "projected_ms_per_op", "projected_us_per_row"));
        CsvWriter.line(csv, header);
        for (double rtt : rtts) {
            String at = Numbers.plain(rtt) + " ms";
            doc.heading(2, "Projection to rtt = " + at + " (not measured)");
            doc.text("**A projection, not a measurement.** Each cell's time at the lowest rtt it was measured at, "
                    + "plus its audited round trips per operation × (" + at + " − the round trip that cell's trial "
                    + "measured, `rtt.measured`). It assumes a distance costs one round-trip time per round trip and "
                    + "nothing else: no server or client work that grows with the distance, no bandwidth limit, no TCP "
                    + "window; the measured tables above show how far that holds where the run has several rtts. "
                    + "Cells without an audit are not projected.");
            List<String> unaudited = new ArrayList<>();
            workloads.forEach((benchmark, cells) -> workload(doc, csv, params, rtt, cells, unaudited));
            if (!unaudited.isEmpty()) {
                doc.text("Not projected, no audit: " + unaudited.stream().map(name -> "`" + name + "`")
                        .collect(Collectors.joining(", ")) + ".");
            }
        }
        files.put(CSV, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void workload(Doc doc, StringBuilder csv, TreeSet<String> params, double rtt, List<Cell> cells,
                                 List<String> unaudited) {
        String name = cells.get(0).key().shortName();
        RoundTripTime.series(cells).forEach((group, series) -> {
            Map<Cell, RoundTripTime.Series> ofBase = new IdentityHashMap<>();
            series.forEach(s -> ofBase.put(s.base(), s));
            if (series.stream().allMatch(s -> s.roundTrips(s.base()).isEmpty())) {
                if (!unaudited.contains(name)) {
                    unaudited.add(name);
                }
                return;
            }
            List<CellFigures> bases = series.stream().map(s -> CellFigures.of(s.base())).toList();
            Pivot pivot = new Pivot(bases);
            boolean perRow = bases.stream().allMatch(f -> f.unit().equals(CellFigures.MICROS_PER_ROW));
            String unit = perRow ? CellFigures.MICROS_PER_ROW : "ms/op";
            doc.heading(3, name + " at rtt = " + Numbers.plain(rtt) + " ms, projected" + (group.isEmpty() ? "" : ", " + group));
            TableBuilder table = new TableBuilder().text("framework");
            pivot.strategies.forEach(s -> table.numbers(label(s) + " " + unit + ", projected"));
            CellFigures best = null;
            double bestValue = Double.NaN;
            for (String framework : pivot.frameworks) {
                List<String> row = new ArrayList<>(List.of(label(framework)));
                for (String strategy : pivot.strategies) {
                    OptionalDouble value = pivot.cell(framework, strategy)
                            .map(f -> projected(f, ofBase.get(f.cell()), rtt, perRow)).orElse(OptionalDouble.empty());
                    row.add(value.isPresent() ? Numbers.format(value.getAsDouble())
                            : pivot.cell(framework, strategy).isPresent() ? "no audit" : "");
                    if (value.isPresent() && (best == null || value.getAsDouble() < bestValue)) {
                        best = pivot.cell(framework, strategy).orElseThrow();
                        bestValue = value.getAsDouble();
                    }
                }
                table.row(row);
            }
            doc.table(table.build());
            if (best != null) {
                doc.text("Projected fastest: `" + Pivot.framework(best) + "` `" + Pivot.strategy(best) + "`, "
                        + Numbers.format(bestValue) + " " + unit + " (projected).");
            }
            for (RoundTripTime.Series s : series) {
                csvLine(csv, params, rtt, s);
            }
        });
    }

    /** The projected time of a base cell at {@code rtt}, per row or per operation; empty without an audit. */
    private static OptionalDouble projected(CellFigures base, RoundTripTime.Series series, double rtt, boolean perRow) {
        OptionalLong trips = series.roundTrips(base.cell());
        OptionalDouble millisPerOp = RoundTripTime.millisPerOp(base.cell());
        if (trips.isEmpty() || millisPerOp.isEmpty()) {
            return OptionalDouble.empty();
        }
        double projectedMillis = projectedMillisPerOp(millisPerOp.getAsDouble(), trips.getAsLong(), base.cell(), rtt);
        if (!perRow) {
            return OptionalDouble.of(projectedMillis);
        }
        double rowsPerOp = millisPerOp.getAsDouble() * 1000 / base.value();
        return OptionalDouble.of(projectedMillis * 1000 / rowsPerOp);
    }

    private static double projectedMillisPerOp(double millisPerOp, long trips, Cell base, double rtt) {
        return millisPerOp + trips * (rtt - RoundTripTime.effective(base));
    }

    private static void csvLine(StringBuilder csv, TreeSet<String> params, double rtt, RoundTripTime.Series series) {
        Cell base = series.base();
        OptionalLong trips = series.roundTrips(base);
        OptionalDouble millisPerOp = RoundTripTime.millisPerOp(base);
        if (trips.isEmpty() || millisPerOp.isEmpty()) {
            return;
        }
        CellKey key = base.key();
        CellFigures figures = CellFigures.of(base);
        double projected = projectedMillisPerOp(millisPerOp.getAsDouble(), trips.getAsLong(), base, rtt);
        List<String> line = new ArrayList<>(List.of(key.benchmark()));
        params.forEach(p -> line.add(key.params().getOrDefault(p, "")));
        line.add(Numbers.exact(rtt));
        line.add(Numbers.exact(RoundTripTime.nominal(base)));
        line.add(Numbers.exact(RoundTripTime.effective(base)));
        line.add(String.valueOf(trips.getAsLong()));
        line.add(Numbers.exact(millisPerOp.getAsDouble()));
        line.add(Numbers.exact(projected));
        line.add(figures.unit().equals(CellFigures.MICROS_PER_ROW)
                ? Numbers.exact(projected * 1000 / (millisPerOp.getAsDouble() * 1000 / figures.value())) : "");
        CsvWriter.line(csv, line);
    }

    private static String label(String value) {
        return value.isEmpty() ? "all" : value;
    }
}
