package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.batchbench.tools.run.Audit;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.ParamValues;

/**
 * The round-trip time (the {@code rtt} parameter) as the report explains it. A cell measured at a
 * larger rtt should take longer by its audited round trips per operation × the round trip its
 * trial measured ({@code rtt.measured}); the report sets that prediction next to the measured
 * difference, and projects every audited cell to an rtt it was not measured at. Both rest on the
 * same arithmetic, here.
 */
final class RoundTripTime {

    /** One framework × strategy at the other parameters of a group, by rtt (ms), lowest first. */
    record Series(String framework, String strategy, TreeMap<Double, Cell> byRtt) {

        Cell base() {
            return byRtt.firstEntry().getValue();
        }

        /** Round trips per operation: the cell's own audit, or another rtt's (the counts do not depend on the rtt). */
        OptionalLong roundTrips(Cell cell) {
            return cell.audit().or(() -> byRtt.values().stream().flatMap(c -> c.audit().stream()).findFirst())
                    .map(Audit::roundTrips).map(OptionalLong::of).orElse(OptionalLong.empty());
        }
    }

    private RoundTripTime() {
    }

    /** The nominal rtt of a cell in ms: its parameter, 0 for a benchmark without one. */
    static double nominal(Cell cell) {
        return ParamValues.number(cell.key().params().getOrDefault(Cell.RTT, "0")).orElse(0);
    }

    /** What the cell's path added to a round trip, in ms: {@code rtt.measured}, or the nominal rtt for a run without it. */
    static double effective(Cell cell) {
        return cell.metric(Cell.RTT_MEASURED).map(m -> m.mean()).orElse(nominal(cell));
    }

    static boolean measured(Cell cell) {
        return cell.metric(Cell.RTT_MEASURED).isPresent();
    }

    /** Milliseconds per operation, from the primary score in any of JMH's units. */
    static OptionalDouble millisPerOp(Cell cell) {
        OptionalDouble micros = Units.micros(cell.primary().mean(), cell.primary().unit());
        return micros.isPresent() ? OptionalDouble.of(micros.getAsDouble() / 1000) : OptionalDouble.empty();
    }

    /** The extra time per operation (ms) that {@code roundTrips} round trips take at {@code cell} over {@code base}. */
    static double predictedExtra(long roundTrips, Cell base, Cell cell) {
        return roundTrips * (effective(cell) - effective(base));
    }

    /**
     * The cells of one workload by group (the parameters other than framework, strategy and rtt,
     * as a section names them) and series, in the report's order.
     */
    static Map<String, List<Series>> series(List<Cell> cells) {
        Map<String, Map<String, Series>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Map<String, String> params = cell.key().params();
            String group = params.entrySet().stream()
                    .filter(e -> !List.of(Pivot.FRAMEWORK, Pivot.STRATEGY, Cell.RTT).contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            String framework = params.getOrDefault(Pivot.FRAMEWORK, "");
            String strategy = params.getOrDefault(Pivot.STRATEGY, "");
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>())
                    .computeIfAbsent(framework + "\u0000" + strategy, s -> new Series(framework, strategy, new TreeMap<>()))
                    .byRtt().put(nominal(cell), cell);
        }
        Map<String, List<Series>> ordered = new LinkedHashMap<>();
        groups.forEach((group, series) -> {
            List<Series> list = new ArrayList<>(series.values());
            DeclaredParams declared = DeclaredParams.of(list.get(0).base().key());
            list.sort(Comparator.comparing(Series::framework, declared.order(Pivot.FRAMEWORK))
                    .thenComparing(Series::strategy, declared.order(Pivot.STRATEGY)));
            ordered.put(group, list);
        });
        return ordered;
    }
}
