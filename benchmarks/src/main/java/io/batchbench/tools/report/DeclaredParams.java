package io.batchbench.tools.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.batchbench.tools.run.CellKey;

/**
 * A benchmark's parameters as its class declares them in this jar: the values of each in
 * declaration order. The report lays out frameworks and strategies in that order, and takes the
 * first framework as the reference and the first strategy as the naive form, so the names and
 * their order live in the benchmark's {@code @Param} lists alone. A benchmark the jar does not
 * know (a run of another version) gets its values in natural order and no reference.
 */
record DeclaredParams(Map<String, List<String>> values) {

    private static final Map<String, Map<String, List<String>>> THIS_JAR = read();

    /** The declared parameters of the cell's benchmark, found by class and method. */
    static DeclaredParams of(CellKey key) {
        return new DeclaredParams(THIS_JAR.getOrDefault(key.shortName(), Map.of()));
    }

    /** Declared values first, in their order; the others after them, in natural order. */
    Comparator<String> order(String parameter) {
        List<String> declared = values.getOrDefault(parameter, List.of());
        return Comparator.comparing((String value) -> {
            int index = declared.indexOf(value);
            return index < 0 ? declared.size() : index;
        }).thenComparing(Comparator.naturalOrder());
    }

    /** The first declared value: the naive strategy. */
    Optional<String> first(String parameter) {
        return values.getOrDefault(parameter, List.of()).stream().findFirst();
    }

    /** The first declared value among {@code present}: the reference framework of a run that has it. */
    Optional<String> firstOf(String parameter, Collection<String> present) {
        return values.getOrDefault(parameter, List.of()).stream().filter(present::contains).findFirst();
    }

    private static Map<String, Map<String, List<String>>> read() {
        Map<String, Map<String, List<String>>> byBenchmark = new HashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT), List.of())) {
            Map<String, List<String>> params = new HashMap<>();
            entry.getParams().orElse(Map.of()).forEach((name, declared) -> params.put(name, List.of(declared)));
            byBenchmark.put(CellKey.of(entry.getUsername(), Map.of()).shortName(), Map.copyOf(params));
        }
        return Map.copyOf(byBenchmark);
    }
}
