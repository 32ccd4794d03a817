package io.batchbench.tools.report;

import java.util.Arrays;
import java.util.OptionalDouble;

import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.Direction;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.stats.Interval;

/**
 * What the report shows of one cell. With the {@code rows} counter the headline is time per row
 * (µs/row, lower is better) and rows per second, so that different table and batch sizes compare;
 * without it, the primary score in its own unit. Allocation per operation comes from
 * {@code -prof gc}, per row when rows per operation are known.
 */
public record CellFigures(Cell cell, Metric shown, String unit, Direction direction, OptionalDouble rowsPerSecond,
                   OptionalDouble allocPerOp, OptionalDouble allocPerRow) {

    static final String MICROS_PER_ROW = "µs/row";

    static CellFigures of(Cell cell) {
        Metric perRow = cell.metric(Cell.ROWS).map(CellFigures::microsPerRow).orElse(null);
        OptionalDouble allocPerOp = cell.metric(Cell.ALLOCATION).map(m -> OptionalDouble.of(m.mean()))
                .orElse(OptionalDouble.empty());
        if (perRow == null) {
            return new CellFigures(cell, cell.primary(), cell.primary().unit(), cell.direction(), OptionalDouble.empty(),
                    allocPerOp, OptionalDouble.empty());
        }
        OptionalDouble allocPerRow = OptionalDouble.empty();
        OptionalDouble microsPerOp = Units.micros(cell.primary().mean(), cell.primary().unit());
        if (allocPerOp.isPresent() && microsPerOp.isPresent()) {
            double rowsPerOp = microsPerOp.getAsDouble() / perRow.mean();
            allocPerRow = OptionalDouble.of(allocPerOp.getAsDouble() / rowsPerOp);
        }
        return new CellFigures(cell, perRow, MICROS_PER_ROW, Direction.LOWER_IS_BETTER,
                OptionalDouble.of(1e6 / perRow.mean()), allocPerOp, allocPerRow);
    }

    private static Metric microsPerRow(Metric rows) {
        double[] micros = Arrays.stream(rows.forkSamples())
                .map(sample -> Units.micros(sample, rows.unit()).orElse(Double.NaN)).toArray();
        return Arrays.stream(micros).allMatch(Double::isFinite) ? new Metric(MICROS_PER_ROW, micros) : null;
    }

    double value() {
        return shown.mean();
    }

    /** A secondary metric's mean per operation, as JMH reports it (the work metrics are per operation). */
    OptionalDouble perOp(String metric) {
        return cell.metric(metric).map(m -> OptionalDouble.of(m.mean())).orElse(OptionalDouble.empty());
    }

    /** A secondary metric per row, where the rows per operation are known (time per op ÷ time per row). */
    OptionalDouble perRow(String metric) {
        OptionalDouble perOp = perOp(metric);
        OptionalDouble microsPerOp = Units.micros(cell.primary().mean(), cell.primary().unit());
        if (perOp.isEmpty() || microsPerOp.isEmpty() || !unit.equals(MICROS_PER_ROW)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(perOp.getAsDouble() / (microsPerOp.getAsDouble() / shown.mean()));
    }

    OptionalDouble halfWidth() {
        return Interval.halfWidth(shown);
    }

    /** {@code 2.08 ± 0.07}, or {@code 2.08 (n=1)} when one fork gives no interval. */
    String valueText() {
        OptionalDouble half = halfWidth();
        return Numbers.format(value()) + (half.isPresent() ? " ± " + Numbers.format(half.getAsDouble()) : " (n=1)");
    }
}
