package io.batchbench.tools.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.UnusableInputException;

/**
 * The metrics the gate tests, each a family of its own with its own minimum effect: the primary
 * score ({@link #TIME}) always, and the measures of work done, which are far quieter than time, so
 * a smaller change in them is a real one. Without a {@code metrics} setting in the config file
 * every default work metric that both runs have is tested; with one, exactly the metrics it names
 * are, and each must be in both runs.
 *
 * <p>The default minimum effects: allocation 3 % (the reference run's forks of a cell differ by a
 * median of 0.3 % and at the 90th percentile of cells 2.6 %, so 3 % is above the noise of nine
 * cells in ten); WAL bytes 3 % (chosen: no published run has them yet; WAL is written by the
 * statements, which are exact, so it should be as quiet as allocation); client and server CPU 5 %
 * (chosen: CPU time moves with the machine's frequency and its neighbours, less than wall time
 * does, more than allocation).
 */
final class GateMetrics {

    /** The primary score, as the gate names it in its table and the config file. */
    static final String TIME = "time";
    static final Map<String, Double> DEFAULTS = defaults();

    private static Map<String, Double> defaults() {
        Map<String, Double> defaults = new LinkedHashMap<>();
        defaults.put(Cell.ALLOCATION, 3.0);
        defaults.put(Cell.CLIENT_CPU, 5.0);
        defaults.put(Cell.SERVER_CPU, 5.0);
        defaults.put(Cell.WAL_BYTES, 3.0);
        return java.util.Collections.unmodifiableMap(defaults);
    }

    private GateMetrics() {
    }

    /** A metric's samples in a cell, or empty when the cell does not have it. */
    static Optional<Metric> of(Cell cell, String metric) {
        return metric.equals(TIME) ? Optional.of(cell.primary()) : cell.metric(metric);
    }

    /**
     * The work metrics to test over {@code tested}, with their minimum effects in percent; a metric
     * the config requires that is missing in one run, or in both, is unusable input.
     *
     * @param skipped receives one note per default metric that only one run has
     */
    static Map<String, Double> select(GateConfig config, List<CellKey> tested, Run baseline, Run candidate,
                                      List<String> skipped) {
        boolean required = config.metrics() != null;
        Map<String, Double> wanted = required ? config.metrics() : DEFAULTS;
        Map<String, Double> selected = new LinkedHashMap<>();
        wanted.forEach((metric, minEffect) -> {
            if (metric.equals(TIME)) {
                return;
            }
            List<String> onlyOne = new ArrayList<>();
            int both = 0;
            for (CellKey key : tested) {
                boolean inBaseline = baseline.cell(key).flatMap(c -> c.metric(metric)).isPresent();
                boolean inCandidate = candidate.cell(key).flatMap(c -> c.metric(metric)).isPresent();
                if (inBaseline && inCandidate) {
                    both++;
                } else if (inBaseline || inCandidate) {
                    onlyOne.add(key.label() + " has it only in the " + (inBaseline ? "baseline" : "candidate"));
                }
            }
            if (required && !onlyOne.isEmpty()) {
                throw new UnusableInputException("the gate's config requires " + metric + ", but " + onlyOne.get(0)
                        + (onlyOne.size() > 1 ? " (and " + (onlyOne.size() - 1) + " more cells)" : "")
                        + "; run both sides with the same profilers and work metrics");
            }
            if (required && both == 0) {
                throw new UnusableInputException("the gate's config requires " + metric + ", which neither run has"
                        + " in any common cell; run with it (-prof gc for " + Cell.ALLOCATION
                        + ", work metrics on for cpu.* and wal.bytes) or drop it from \"metrics\"");
            }
            if (!onlyOne.isEmpty()) {
                skipped.add(metric + " not tested: " + onlyOne.get(0)
                        + (onlyOne.size() > 1 ? " (and " + (onlyOne.size() - 1) + " more cells)" : ""));
            } else if (both > 0) {
                selected.put(metric, minEffect);
            }
        });
        return selected;
    }
}
