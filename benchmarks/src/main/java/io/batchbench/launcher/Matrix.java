package io.batchbench.launcher;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.batchbench.benchmark.CheckedParams;
import io.batchbench.benchmark.LabelsOf;
import io.batchbench.benchmark.QuickProfile;
import io.batchbench.workload.Params;

/**
 * The cells a command line selects: every benchmark its selection picks, times every combination
 * of its parameters' values (the command line's, else the benchmark's quick profile, else all it
 * declares). Made before anything starts, and checked on the way: a
 * {@code -p} name no selected benchmark declares, a value that is not one of a benchmark's labels,
 * and every combination through the benchmark's own {@link CheckedParams#checkParams()} (a depth
 * past the table, a commit size a framework cannot do). A mistake ends the run in a second, naming
 * the benchmark, instead of failing minutes later at the first cell that meets it, after a
 * database was seeded. A combination the benchmark says is not a cell
 * ({@link CheckedParams#notApplicable()}: a framework without an idiom for it) is set aside with
 * its reason, not run.
 *
 * @param cells         what to run, in JMH's order: benchmarks by name, then parameter combinations
 * @param notApplicable what the selection names but no framework idiom exists for, with why
 * @param connections   the most connections one of the cells holds at once ({@link CheckedParams#connections()})
 */
record Matrix(List<Cell> cells, List<NotApplicable> notApplicable, int connections) {

    /** One benchmark method with one value for each of its parameters. */
    record Cell(String benchmark, Map<String, String> params) {

        Cell {
            params = Collections.unmodifiableMap(new TreeMap<>(params));
        }

        String label() {
            return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)
                    + params.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining());
        }
    }

    /** A combination that is not a cell, and why. */
    record NotApplicable(Cell cell, String reason) {
    }

    /** Throws IllegalArgumentException with the line to print for the first bad name or value. */
    static Matrix of(String[] args, CommandLineOptions options) {
        List<BenchmarkListEntry> selected = selected(options);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches " + String.join(" ", options.getIncludes())
                    + (options.getExcludes().isEmpty() ? "" : " without " + String.join(" ", options.getExcludes()))
                    + " (java -jar benchmarks.jar -l lists them)");
        }
        knownNames(args, selected);
        List<Cell> cells = new ArrayList<>();
        List<NotApplicable> notApplicable = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int[] connections = {CheckedParams.connectionsFor(0)};
        for (BenchmarkListEntry benchmark : selected) {
            // A benchmark measured in several modes is listed once per mode; JMH runs them together.
            if (seen.add(benchmark.getUsername())) {
                check(benchmark, options, cells, notApplicable, connections);
            }
        }
        return new Matrix(List.copyOf(cells), List.copyOf(notApplicable), connections[0]);
    }

    private static List<BenchmarkListEntry> selected(CommandLineOptions options) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        return new ArrayList<>(new TreeSet<>(BenchmarkList.defaultList().find(silent, includes, options.getExcludes())));
    }

    /**
     * The names after {@code -p}: JMH applies a value only to benchmarks that declare the name and
     * says nothing about a name none declares, so a typo would silently measure the defaults.
     */
    private static void knownNames(String[] args, List<BenchmarkListEntry> selected) {
        Set<String> declared = new TreeSet<>();
        selected.forEach(benchmark -> declared.addAll(benchmark.getParams().orElse(Map.of()).keySet()));
        for (int i = 0; i < args.length; i++) {
            String assignment = args[i].equals("-p") && i + 1 < args.length ? args[++i]
                    : args[i].startsWith("-p") && !args[i].startsWith("-prof") && args[i].contains("=")
                    ? args[i].substring(2) : null;
            if (assignment == null) {
                continue;
            }
            String name = assignment.substring(0, Math.max(0, assignment.indexOf('=')));
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' in -p " + assignment
                        + "; the selected benchmarks declare: " + String.join(", ", declared));
            }
        }
    }

    /**
     * The values to run for each parameter, by name: the command line's, or else the quick
     * profile's ({@link QuickProfile}), or else the declared ones.
     */
    private static Map<String, List<String>> values(BenchmarkListEntry benchmark, Class<?> type,
                                                    CommandLineOptions options) {
        Map<String, List<String>> values = new TreeMap<>();
        benchmark.getParams().orElse(Map.of()).forEach((name, declared) -> {
            QuickProfile quick = field(type, name).getAnnotation(QuickProfile.class);
            values.put(name, List.copyOf(options.getParameter(name)
                    .orElse(List.of(quick != null ? quick.value() : declared))));
        });
        return values;
    }

    private static void check(BenchmarkListEntry benchmark, CommandLineOptions options, List<Cell> cells,
                              List<NotApplicable> notApplicable, int[] connections) {
        Class<?> type = benchmarkClass(benchmark);
        String name = type.getSimpleName();
        Map<String, List<String>> values = values(benchmark, type, options);
        for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
            LabelsOf labels = field(type, parameter.getKey()).getAnnotation(LabelsOf.class);
            if (labels == null) {
                continue;
            }
            List<String> valid = Params.labels(labels.value());
            for (String value : parameter.getValue()) {
                if (!valid.contains(value)) {
                    throw new IllegalArgumentException(name + ": unknown " + parameter.getKey() + " '" + value
                            + "'; valid values: " + String.join(", ", valid));
                }
            }
        }
        combinations(values, new TreeMap<>(), combination -> {
            Cell cell = new Cell(benchmark.getUsername(), combination);
            Optional<String> reason = Optional.empty();
            if (CheckedParams.class.isAssignableFrom(type)) {
                CheckedParams checked = checkCombination(type, cell);
                reason = checked.notApplicable();
                connections[0] = Math.max(connections[0], checked.connections());
            }
            if (reason.isPresent()) {
                notApplicable.add(new NotApplicable(cell, reason.get()));
            } else {
                cells.add(cell);
            }
        });
    }

    /** Runs the benchmark's own checks on a fresh instance set to the combination; returns the instance, checked. */
    private static CheckedParams checkCombination(Class<?> type, Cell cell) {
        CheckedParams instance;
        try {
            instance = (CheckedParams) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + " to check its parameters", e);
        }
        try {
            cell.params().forEach((parameter, value) -> set(instance, field(type, parameter), parameter, value));
            instance.checkParams();
            return instance;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " " + cell.label().substring(
                    cell.label().indexOf(' ') + 1) + ": " + e.getMessage(), e);
        }
    }

    private interface CombinationCheck {
        void check(Map<String, String> combination);
    }

    private static void combinations(Map<String, List<String>> values, Map<String, String> chosen,
                                     CombinationCheck check) {
        if (chosen.size() == values.size()) {
            check.check(chosen);
            return;
        }
        String next = values.keySet().stream().filter(name -> !chosen.containsKey(name)).findFirst().orElseThrow();
        for (String value : values.get(next)) {
            chosen.put(next, value);
            combinations(values, chosen, check);
            chosen.remove(next);
        }
    }

    /** Sets a {@code @Param} field as JMH does: String, or a whole number for int and long fields. */
    private static void set(Object instance, Field field, String parameter, String value) {
        try {
            if (field.getType() == String.class) {
                field.set(instance, value);
            } else if (field.getType() == long.class) {
                field.setLong(instance, number(parameter, value));
            } else if (field.getType() == int.class) {
                field.setInt(instance, Math.toIntExact(number(parameter, value)));
            } else {
                throw new IllegalStateException(field + ": a @Param of a type the launcher cannot check");
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(parameter + " must fit in an int, got " + value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " must be public, as JMH requires", e);
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static Class<?> benchmarkClass(BenchmarkListEntry benchmark) {
        try {
            return Class.forName(benchmark.getUserClassQName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the jar lists " + benchmark.getUserClassQName() + " but lacks it", e);
        }
    }

    private static Field field(Class<?> type, String parameter) {
        try {
            return type.getField(parameter);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " declares @Param " + parameter + " on a field that is"
                    + " not public", e);
        }
    }
}
