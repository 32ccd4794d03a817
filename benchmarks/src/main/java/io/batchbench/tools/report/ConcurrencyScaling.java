package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.ParamValues;

/**
 * The concurrent family's scaling: rows/s against {@code workers}, one line per framework ×
 * split or strategy × executor, the speed-up over one worker of the same line, and the cores the
 * JVM and the trial's backends kept busy at that rate, which say where a line stops and why: near
 * the machine's cores it is CPU, far below them it is waiting (round trips, commit flushes, locks).
 * A workload without a {@code workers} parameter taking two values or more gets nothing from here.
 * Written apart from {@link ReportBuilder}, which calls it once per workload, so the concurrent
 * family's view grows without reshaping the shared pivot tables.
 */
final class ConcurrencyScaling {

    static final String WORKERS = "workers";
    private static final List<String> SERIES = List.of("framework", "strategy", "split", "executor");
    private static final String CORES = "JVM cores and backend cores: the CPU time the benchmark's JVM"
            + " (`cpu.client`) and the PostgreSQL backends serving the trial (`cpu.server`) spent per second of the"
            + " operation, at the line's rows/s. Where their sum nears the machine's logical cores (Environment), the"
            + " line is bound by CPU; far below them, by waiting: round trips, commit flushes, locks.";

    /** Where the report puts a chart: ReportBuilder's figure method. */
    @FunctionalInterface
    interface Figures {
        void add(String id, String title, ChartRenderer.Rendered chart);
    }

    private ConcurrencyScaling() {
    }

    static void write(Doc doc, Figures figures, String workload, List<Cell> cells) {
        List<Cell> scaled = cells.stream().filter(c -> c.key().params().containsKey(WORKERS)).toList();
        if (scaled.stream().map(c -> c.key().params().get(WORKERS)).distinct().count() < 2) {
            return;
        }
        Map<String, Map<String, List<Cell>>> groups = new LinkedHashMap<>();
        for (Cell cell : scaled) {
            groups.computeIfAbsent(rest(cell), g -> new LinkedHashMap<>())
                    .computeIfAbsent(series(cell), s -> new ArrayList<>()).add(cell);
        }
        groups.forEach((group, lines) -> {
            String title = workload + ", rows/s over workers" + (group.isEmpty() ? "" : ", " + group);
            doc.heading(3, title);
            doc.text(CORES);
            TableBuilder table = new TableBuilder().text("framework strategy executor", WORKERS)
                    .numbers("rows/s", "speed-up over 1 worker", "JVM cores", "backend cores");
            List<ChartRenderer.LinePoint> points = new ArrayList<>();
            int line = 0;
            for (Map.Entry<String, List<Cell>> series : lines.entrySet()) {
                List<Cell> ordered = new ArrayList<>(series.getValue());
                ordered.sort(Comparator.comparing(c -> c.key().params().get(WORKERS), ParamValues.ORDER));
                OptionalDouble one = ordered.stream().filter(c -> c.key().params().get(WORKERS).equals("1"))
                        .map(c -> CellFigures.of(c).rowsPerSecond()).findFirst().orElse(OptionalDouble.empty());
                for (Cell cell : ordered) {
                    CellFigures f = CellFigures.of(cell);
                    if (f.rowsPerSecond().isEmpty()) {
                        continue;
                    }
                    double rowsPerSecond = f.rowsPerSecond().getAsDouble();
                    table.row(List.of(series.getKey(), cell.key().params().get(WORKERS), Numbers.format(rowsPerSecond),
                            one.isPresent() ? Numbers.times(rowsPerSecond / one.getAsDouble()) : "",
                            cores(f, Cell.CLIENT_CPU, rowsPerSecond), cores(f, Cell.SERVER_CPU, rowsPerSecond)));
                    points.add(new ChartRenderer.LinePoint(series.getKey(), cell.key().params().get(WORKERS),
                            new ChartRenderer.Point(rowsPerSecond, OptionalDouble.empty()), line, 0));
                }
                line++;
            }
            doc.table(table.build());
            String id = ReportBuilder.slug(workload + " " + group + " over workers");
            figures.add(id, title, ChartRenderer.lines(id, title, WORKERS, "rows/s", points));
        });
    }

    /** CPU seconds per second at the line's rate: the metric's µs per row × rows/s; empty where it was not measured. */
    private static String cores(CellFigures figures, String cpuMetric, double rowsPerSecond) {
        OptionalDouble microsPerRow = figures.perRow(cpuMetric);
        return microsPerRow.isPresent() ? Numbers.ratio(microsPerRow.getAsDouble() * rowsPerSecond / 1e6) : "";
    }

    private static String series(Cell cell) {
        return SERIES.stream().map(cell.key().params()::get).filter(v -> v != null)
                .collect(Collectors.joining(" "));
    }

    private static String rest(Cell cell) {
        return cell.key().params().entrySet().stream()
                .filter(e -> !SERIES.contains(e.getKey()) && !e.getKey().equals(WORKERS))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
