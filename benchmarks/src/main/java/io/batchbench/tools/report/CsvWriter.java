package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.stats.Interval;

/**
 * results.csv: one line per cell, in the report's order, every parameter in its own column,
 * numbers at full precision, so a spreadsheet or a script can take over where the report stops.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    static String write(Run run) {
        TreeSet<String> params = new TreeSet<>();
        run.cells().forEach(c -> params.addAll(c.key().params().keySet()));
        List<String> header = new ArrayList<>(List.of("benchmark", "mode"));
        header.addAll(params);
        header.addAll(List.of("forks", "unit", "mean", "ci95_half_width", "median", "us_per_row",
                "us_per_row_ci95_half_width", "rows_per_s", "alloc_bytes_per_op", "alloc_bytes_per_row",
                "statements_per_1000_rows", "round_trips_per_1000_rows", "rtt_measured_ms",
                "cpu_client_us_per_op", "cpu_client_us_per_row", "cpu_server_us_per_op", "cpu_server_us_per_row",
                "wal_bytes_per_op", "wal_bytes_per_row", "host_steal_pct", "host_steal_max_fork_pct"));
        StringBuilder out = new StringBuilder();
        line(out, header);
        List<Cell> cells = new ArrayList<>(run.cells());
        cells.sort(Comparator.comparing((Cell c) -> c.key().benchmark(), ReportBuilder.WORKLOADS)
                .thenComparing(Cell::key));
        for (Cell cell : cells) {
            CellFigures figures = CellFigures.of(cell);
            boolean perRow = figures.unit().equals(CellFigures.MICROS_PER_ROW);
            List<String> line = new ArrayList<>(List.of(cell.key().benchmark(), cell.mode()));
            params.forEach(p -> line.add(cell.key().params().getOrDefault(p, "")));
            line.add(String.valueOf(cell.primary().forks()));
            line.add(cell.primary().unit());
            line.add(Numbers.exact(cell.primary().mean()));
            line.add(number(Interval.halfWidth(cell.primary())));
            line.add(Numbers.exact(cell.primary().median()));
            line.add(perRow ? Numbers.exact(figures.value()) : "");
            line.add(perRow ? number(figures.halfWidth()) : "");
            line.add(number(figures.rowsPerSecond()));
            line.add(number(figures.allocPerOp()));
            line.add(number(figures.allocPerRow()));
            line.add(cell.audit().map(a -> Numbers.exact(a.statementsPer1000Rows())).orElse(""));
            line.add(cell.audit().map(a -> Numbers.exact(a.roundTripsPer1000Rows())).orElse(""));
            line.add(cell.metric(Cell.RTT_MEASURED).map(m -> Numbers.exact(m.mean())).orElse(""));
            for (String work : List.of(Cell.CLIENT_CPU, Cell.SERVER_CPU, Cell.WAL_BYTES)) {
                line.add(number(figures.perOp(work)));
                line.add(number(figures.perRow(work)));
            }
            Optional<Metric> steal = cell.metric(Cell.HOST_STEAL);
            line.add(steal.map(m -> Numbers.exact(m.mean())).orElse(""));
            line.add(steal.map(m -> Numbers.exact(Arrays.stream(m.forkSamples()).max().orElseThrow())).orElse(""));
            line(out, line);
        }
        return out.toString();
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? Numbers.exact(value.getAsDouble()) : "";
    }

    static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n");
            out.append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        out.append('\n');
    }
}
