package io.batchbench.tools.run;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One cell of the matrix: a benchmark method and its parameter values, as JMH names them. Two
 * runs are compared cell by cell on this key. A benchmark is known by its class and method
 * ({@link #shortName()}), not its package: moving a class to another package does not make its
 * cells new ones, so a run still compares with runs made before the move.
 */
public record CellKey(String benchmark, SortedMap<String, String> params) implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::shortName)
            .thenComparing(CellKey::params, CellKey::compareParams);

    public CellKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static CellKey of(String benchmark, Map<String, String> params) {
        return new CellKey(benchmark, new TreeMap<>(params));
    }

    /** {@code FullScanBenchmark.fullScan}: the class and method, without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** {@code framework=jdbc strategy=keyset}, or empty without parameters. */
    public String paramText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    public String label() {
        return params.isEmpty() ? shortName() : shortName() + " " + paramText();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellKey key && shortName().equals(key.shortName()) && params.equals(key.params);
    }

    @Override
    public int hashCode() {
        return shortName().hashCode() * 31 + params.hashCode();
    }

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }

    private static int compareParams(SortedMap<String, String> a, SortedMap<String, String> b) {
        var left = a.entrySet().iterator();
        var right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            var l = left.next();
            var r = right.next();
            int c = l.getKey().compareTo(r.getKey());
            if (c == 0) {
                c = ParamValues.ORDER.compare(l.getValue(), r.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }
}
