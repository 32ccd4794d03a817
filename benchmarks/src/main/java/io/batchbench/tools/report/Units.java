package io.batchbench.tools.report;

import java.util.Map;
import java.util.OptionalDouble;

/** JMH's time units ({@code ns}, {@code us}, {@code ms}, {@code s}, {@code min}, {@code hr}) in microseconds. */
public final class Units {

    private static final Map<String, Double> MICROS = Map.of(
            "ns", 1e-3, "us", 1.0, "ms", 1e3, "s", 1e6, "min", 60e6, "hr", 3600e6);

    private Units() {
    }

    /**
     * Microseconds per operation of a score in JMH's units: time per operation ({@code us/op})
     * in the time modes, operations per time ({@code ops/s}) in throughput mode. For the
     * {@code rows} counter, whose operation is a row, this is microseconds per row.
     */
    static OptionalDouble micros(double value, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            return OptionalDouble.empty();
        }
        if (parts[1].equals("op") && MICROS.containsKey(parts[0])) {
            return OptionalDouble.of(value * MICROS.get(parts[0]));
        }
        if (parts[0].equals("ops") && MICROS.containsKey(parts[1])) {
            return OptionalDouble.of(MICROS.get(parts[1]) / value);
        }
        return OptionalDouble.empty();
    }
}
