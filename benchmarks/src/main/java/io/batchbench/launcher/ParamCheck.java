package io.batchbench.launcher;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.batchbench.benchmark.CheckedParams;
import io.batchbench.benchmark.LabelsOf;
import io.batchbench.workload.Params;

/**
 * Checks the {@code -p name=values} of a command line against every benchmark it selects, before
 * anything starts: a name no selected benchmark declares, a value that is not one of a benchmark's
 * labels, and every combination JMH would run through the benchmark's own
 * {@link CheckedParams#checkParams()} (a depth past the table, a commit size a framework cannot
 * do). A mistake ends the run in a second, naming the benchmark, instead of failing minutes later
 * at the first cell that meets it, after a database was seeded.
 */
final class ParamCheck {

    private ParamCheck() {
    }

    /** Throws IllegalArgumentException with the line to print for the first bad name or value. */
    static void check(String[] args, CommandLineOptions options) {
        List<BenchmarkListEntry> selected = selected(options);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches " + String.join(" ", options.getIncludes())
                    + (options.getExcludes().isEmpty() ? "" : " without " + String.join(" ", options.getExcludes()))
                    + " (java -jar benchmarks.jar -l lists them)");
        }
        knownNames(args, selected);
        Set<String> checkedClasses = new TreeSet<>();
        for (BenchmarkListEntry benchmark : selected) {
            if (checkedClasses.add(benchmark.getUserClassQName())) {
                check(benchmark, options);
            }
        }
    }

    private static List<BenchmarkListEntry> selected(CommandLineOptions options) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        return new ArrayList<>(BenchmarkList.defaultList().find(silent, includes, options.getExcludes()));
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

    /** The values JMH will run for each parameter: the command line's, or the declared ones. */
    private static Map<String, List<String>> values(BenchmarkListEntry benchmark, CommandLineOptions options) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        benchmark.getParams().orElse(Map.of()).forEach((name, declared) -> values.put(name,
                List.copyOf(options.getParameter(name).orElse(List.of(declared)))));
        return values;
    }

    private static void check(BenchmarkListEntry benchmark, CommandLineOptions options) {
        Class<?> type = benchmarkClass(benchmark);
        String name = type.getSimpleName();
        Map<String, List<String>> values = values(benchmark, options);
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
        if (CheckedParams.class.isAssignableFrom(type)) {
            combinations(values, new LinkedHashMap<>(), combination -> checkCombination(type, combination));
        }
    }

    private static void checkCombination(Class<?> type, Map<String, String> combination) {
        String cell = type.getSimpleName() + " " + String.join(" ",
                combination.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        CheckedParams instance;
        try {
            instance = (CheckedParams) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + " to check its parameters", e);
        }
        try {
            combination.forEach((parameter, value) -> set(instance, field(type, parameter), parameter, value));
            instance.checkParams();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cell + ": " + e.getMessage(), e);
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
