package io.batchbench.tools.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What in a run's environment moves the numbers: two runs that differ in one of these did not
 * measure the same thing, so merge refuses to pool their forks and compare puts the difference
 * first. The one list of it, in env.json fields and JMH options.
 *
 * <ul>
 *   <li>env.json: the JVM (version, vendor, VM), the CPU model and its logical cores, PostgreSQL's
 *       provider and every setting read back from the server (its version among them), the
 *       framework and driver versions, and the commit the jar was built from (dirty or not).</li>
 *   <li>The JMH options of the command line other than the selection, the {@code -p} values, the
 *       result file and the cell order ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r},
 *       {@code -bm}, {@code -prof}, {@code -jvmArgsAppend} with {@code -Dbatchbench.workMetrics=false},
 *       ...): the warm-up, measurement and profilers every selected cell gets.</li>
 * </ul>
 *
 * Not in it: the run's id and time, the server's address, the selection and what it left out
 * (notApplicable), how the run was split into rounds or shards, the OS kernel and the memory size.
 * The CPU model is in it since the reference's command, run again on a VM of the same kind that
 * came with an Intel Xeon in place of the AMD EPYC, took 0.57 times the time per cell (median over
 * 195 cells, 2026-12-04): the same VM kind is not the same machine.
 */
public final class RunEnvironment {

    /**
     * Moves the numbers of a cell, yet may differ between shards that share no cell (CI runners of
     * one label come with different CPUs): merge then keeps both and names every model.
     */
    public static final String CPU_MODEL = "cpu.model";

    /** env.json fields, or prefixes ending with a dot for whole objects. */
    private static final List<String> MOVES_THE_NUMBERS = List.of("java.version", "java.vendor", "java.vmName",
            "java.vmVersion", CPU_MODEL, "cpu.logicalCores", "postgres.provider", "postgres.settings.", "versions.",
            "git.commit", "git.dirty");

    /** JMH options that select cells or name files, not how a cell is measured. */
    private static final Set<String> SELECTION_OPTIONS = Set.of("-p", "-e", "-rf", "-rff", "-o", "--shuffle");
    /** JMH options that take no value. */
    private static final Set<String> FLAGS = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

    private RunEnvironment() {
    }

    public static boolean movesTheNumbers(String field) {
        return MOVES_THE_NUMBERS.stream().anyMatch(m -> m.endsWith(".") ? field.startsWith(m) : field.equals(m));
    }

    /** The differences between two env.json files that move the numbers, the commit's among them. */
    public static List<EnvironmentDiff.Difference> differences(JsonNode a, JsonNode b) {
        List<EnvironmentDiff.Difference> differences = new ArrayList<>(EnvironmentDiff.between(a, b).differences()
                .stream().filter(d -> movesTheNumbers(d.field())).toList());
        Set<String> optionsA = measurementOptions(a);
        Set<String> optionsB = measurementOptions(b);
        if (!optionsA.equals(optionsB)) {
            differences.add(new EnvironmentDiff.Difference("JMH options", String.join(" ", optionsA),
                    String.join(" ", optionsB)));
        }
        return differences;
    }

    /** The run's JMH options that decide how a cell is measured, as "option value", sorted. */
    static Set<String> measurementOptions(JsonNode env) {
        List<String> args = new ArrayList<>();
        env.path("jmhArguments").forEach(arg -> args.add(arg.asText()));
        Set<String> options = new TreeSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                continue; // the selection
            }
            if (FLAGS.contains(arg) || i + 1 >= args.size()) {
                options.add(arg);
                continue;
            }
            String value = args.get(++i);
            if (!SELECTION_OPTIONS.contains(arg)) {
                options.add(arg + " " + value);
            }
        }
        return options;
    }
}
