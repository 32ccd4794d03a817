package io.batchbench.launcher;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.batchbench.trial.Frameworks;
import io.batchbench.workload.Params;
import io.batchbench.workload.insert.CommitEvery;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.SynchronousCommit;
import io.batchbench.workload.job.JobStrategy;
import io.batchbench.workload.paging.PageStrategy;
import io.batchbench.workload.paging.ScanStrategy;
import io.batchbench.workload.update.UpdateStrategy;

/**
 * Checks the {@code -p name=values} the user gave before anything is started, so that a typo
 * ends the run in a second with the list of valid values instead of after a database was seeded.
 * Combinations (a depth past a particular table size) are checked by each benchmark's setup.
 */
final class ParamCheck {

    private static final Map<String, Consumer<String>> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("framework", Frameworks::parse);
        CHECKS.put("strategy", ParamCheck::anyStrategy);
        CHECKS.put("rows", value -> Params.positive("rows", number("rows", value)));
        CHECKS.put("pageSize", value -> Params.positive("pageSize", number("pageSize", value)));
        CHECKS.put("tableRows", value -> Params.positive("tableRows", number("tableRows", value)));
        CHECKS.put("chunkSize", value -> Params.positive("chunkSize", number("chunkSize", value)));
        CHECKS.put("commitEvery", CommitEvery::parse);
        CHECKS.put("synchronousCommit", SynchronousCommit::parse);
        CHECKS.put("statusIndex", value -> Params.flag("statusIndex", value));
        CHECKS.put("depth", value -> {
            if (number("depth", value) < 0) {
                throw new IllegalArgumentException("depth must be 0 or more, got " + value);
            }
        });
    }

    private ParamCheck() {
    }

    /** Throws IllegalArgumentException with the message to print for the first bad name or value. */
    static void check(String[] args, CommandLineOptions options) {
        knownNames(args);
        for (Map.Entry<String, Consumer<String>> check : CHECKS.entrySet()) {
            options.getParameter(check.getKey()).orElse(List.of()).forEach(check.getValue());
        }
    }

    /**
     * The names after {@code -p}: JMH applies a value only to benchmarks that declare the name and
     * says nothing about a name none declares, so a typo would silently measure the defaults.
     */
    private static void knownNames(String[] args) {
        Set<String> declared = declaredParameters();
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
                        + "; the benchmarks declare: " + String.join(", ", declared));
            }
        }
    }

    private static Set<String> declaredParameters() {
        Set<String> names = new TreeSet<>();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkListEntry benchmark : BenchmarkList.defaultList().getAll(silent, List.of())) {
            names.addAll(benchmark.getParams().orElse(Map.of()).keySet());
        }
        return names;
    }

    /** A strategy of any workload: which benchmark gets which is JMH's business, as with every -p. */
    private static void anyStrategy(String value) {
        Set<String> valid = new LinkedHashSet<>();
        Stream.of(ScanStrategy.values()).map(ScanStrategy::label).forEach(valid::add);
        Stream.of(PageStrategy.values()).map(PageStrategy::label).forEach(valid::add);
        Stream.of(InsertStrategy.values()).map(InsertStrategy::label).forEach(valid::add);
        Stream.of(UpdateStrategy.values()).map(UpdateStrategy::label).forEach(valid::add);
        Stream.of(JobStrategy.values()).map(JobStrategy::label).forEach(valid::add);
        if (!valid.contains(value)) {
            throw new IllegalArgumentException("unknown strategy '" + value + "'; valid values: "
                    + String.join(", ", valid));
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
