package io.batchbench.tools.gate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.batchbench.tools.Tools;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.Audit;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Direction;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.UnusableInputException;
import io.batchbench.tools.stats.MannWhitney;

/**
 * The CI gate. Per cell: one sample per fork, a one-sided Mann–Whitney U test in the direction
 * that is worse for the cell's mode and unit, and a minimum effect on the medians; over all cells
 * Holm's step-down procedure, so the chance that any unchanged benchmark fails the run stays at
 * alpha however many there are. The exact counts of the audit (statements and round trips per
 * 1,000 rows) are compared as they are: any increase is a regression, noise cannot explain it.
 *
 * <p>A single run pair can hold the false-alarm rate or catch modest regressions with ten forks,
 * not both (see the figures in docs/tools.md), so the gate can work in two stages: a lenient screen over
 * every cell, then a confirmation on a fresh run of the flagged cells only, which fails the check
 * only for regressions seen again.
 */
public final class Gate {

    public enum Status {
        /** Significantly and meaningfully worse (confirmed, in two stages). */
        REGRESSION,
        /** Flagged by the screen, not seen again in the confirmation run. */
        NOT_CONFIRMED,
        NO_REGRESSION,
        MUTED
    }

    public record Policy(double alpha, double screenAlpha, double minEffectPercent, GateConfig config,
                           LocalDate today) {

        public static Policy of(GateConfig config, Double alpha, Double minEffectPercent, LocalDate today) {
            return new Policy(
                    alpha != null ? alpha : config.alpha() != null ? config.alpha() : GateConfig.DEFAULT_ALPHA,
                    config.screenAlpha() != null ? config.screenAlpha() : GateConfig.DEFAULT_SCREEN_ALPHA,
                    minEffectPercent != null ? minEffectPercent
                            : config.minEffectPercent() != null ? config.minEffectPercent() : GateConfig.DEFAULT_MIN_EFFECT_PERCENT,
                    config, today);
        }
    }

    /**
     * One cell's outcome.
     *
     * @param worseBy  how much worse the candidate's median is, as a fraction (negative: better)
     * @param pValue   one-sided, unadjusted
     * @param metric    {@link GateMetrics#TIME} for the primary score, else the secondary metric's name
     * @param minEffect the smallest change that counts for this cell and metric, as a fraction
     */
    public record Finding(CellKey key, String metric, Direction direction, String unit, int baselineForks, int candidateForks,
                          double baselineMedian, double candidateMedian, double worseBy, double pValue,
                          double minEffect, Status status, String note) {
    }

    /** An exact count that went up (statements or round trips per 1,000 rows). */
    public record CountFinding(CellKey key, String count, double baseline, double candidate, boolean muted) {
    }

    /** @param notTested the default work metrics that only one run has, one note each */
    public record Verdict(List<Finding> findings, List<CountFinding> counts, List<String> problems,
                          List<GateConfig.Rule> expiredMutes, List<CellKey> onlyInBaseline,
                          List<CellKey> onlyInCandidate, int screened, boolean twoStage, Policy policy,
                          List<String> notTested) {

        public List<Finding> regressions() {
            return findings.stream().filter(f -> f.status() == Status.REGRESSION).toList();
        }

        public List<CountFinding> countRegressions() {
            return counts.stream().filter(c -> !c.muted()).toList();
        }

        public int exitCode() {
            if (!problems.isEmpty()) {
                return ExitCode.UNUSABLE;
            }
            return regressions().isEmpty() && countRegressions().isEmpty() ? ExitCode.PASS : ExitCode.REGRESSION;
        }
    }

    private final Policy policy;

    public Gate(Policy policy) {
        this.policy = policy;
    }

    /** One stage: per metric, Holm at alpha over every cell the two runs share. */
    public Verdict check(Run baseline, Run candidate) {
        List<CellKey> tested = tested(baseline, candidate);
        List<String> notTested = new ArrayList<>();
        Map<String, Double> metrics = metrics(tested, baseline, candidate, notTested);
        Set<String> problems = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            findings.addAll(stage(tested, metric, metrics, baseline, candidate, policy.alpha(), problems));
        }
        return verdict(findings, new ArrayList<>(problems), baseline, candidate, false, 0, notTested);
    }

    /** Time and the work metrics to test, each with its minimum effect in percent (time's comes from the rules). */
    private Map<String, Double> metrics(List<CellKey> tested, Run baseline, Run candidate, List<String> notTested) {
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put(GateMetrics.TIME, policy.minEffectPercent());
        metrics.putAll(GateMetrics.select(policy.config(), tested, baseline, candidate, notTested));
        return metrics;
    }

    /** The cells the screen flags in any metric: per metric, Holm at the lenient screen level over every shared cell. */
    public Set<CellKey> screen(Run baseline, Run candidate) {
        Set<CellKey> flagged = new LinkedHashSet<>();
        screened(baseline, candidate).forEach(f -> flagged.add(f.key()));
        return flagged;
    }

    private List<Finding> screened(Run baseline, Run candidate) {
        List<CellKey> tested = tested(baseline, candidate);
        Map<String, Double> metrics = metrics(tested, baseline, candidate, new ArrayList<>());
        Set<String> problems = new LinkedHashSet<>();
        List<Finding> flagged = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            stage(tested, metric, metrics, baseline, candidate, policy.screenAlpha(), problems).stream()
                    .filter(f -> f.status() == Status.REGRESSION).forEach(flagged::add);
        }
        if (!problems.isEmpty()) {
            throw new UnusableInputException(String.join("; ", problems));
        }
        return flagged;
    }

    /**
     * Two stages: the screen on the first pair of runs, then Holm at alpha over the flagged cells
     * on the confirmation pair. Only a regression seen in both fails the check; the counts are
     * compared on the first pair.
     */
    public Verdict check(Run baseline, Run candidate, Run confirmBaseline, Run confirmCandidate) {
        List<Finding> flagged = screened(baseline, candidate);
        List<CellKey> tested = tested(baseline, candidate);
        List<String> notTested = new ArrayList<>();
        Map<String, Double> metrics = metrics(tested, baseline, candidate, notTested);
        Set<String> problems = new LinkedHashSet<>();
        flagged.stream().map(Finding::key).distinct()
                .filter(k -> confirmBaseline.cell(k).isEmpty() || confirmCandidate.cell(k).isEmpty())
                .forEach(k -> problems.add(k.label() + " was flagged but is missing from the confirmation runs"));
        List<Finding> findings = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            List<CellKey> confirmable = flagged.stream().filter(f -> f.metric().equals(metric)).map(Finding::key)
                    .filter(k -> confirmBaseline.cell(k).isPresent() && confirmCandidate.cell(k).isPresent()).toList();
            confirmable.stream().filter(k -> GateMetrics.of(confirmBaseline.cell(k).orElseThrow(), metric).isEmpty()
                            || GateMetrics.of(confirmCandidate.cell(k).orElseThrow(), metric).isEmpty())
                    .forEach(k -> problems.add(k.label() + " was flagged in " + metric
                            + " but the confirmation runs do not have it; run them with the same profilers"));
            List<Finding> confirmed = stage(confirmable, metric, metrics, confirmBaseline, confirmCandidate,
                    policy.alpha(), problems);
            for (CellKey key : tested) {
                if (GateMetrics.of(baseline.cell(key).orElseThrow(), metric).isEmpty()) {
                    continue;
                }
                Optional<Finding> second = confirmed.stream().filter(f -> f.key().equals(key)).findFirst();
                if (second.isPresent()) {
                    Finding f = second.get();
                    findings.add(f.status() == Status.REGRESSION ? f : withStatus(f, Status.NOT_CONFIRMED,
                            "flagged by the screen, not confirmed by the re-run"));
                } else {
                    findings.add(measure(key, metric, metrics, baseline, candidate, Status.NO_REGRESSION, ""));
                }
            }
        }
        return verdict(findings, new ArrayList<>(problems), baseline, candidate, true,
                (int) flagged.stream().map(Finding::key).distinct().count(), notTested);
    }

    private List<CellKey> tested(Run baseline, Run candidate) {
        Map<CellKey, Cell> b = baseline.byKey();
        List<CellKey> common = candidate.cells().stream().map(Cell::key).filter(b::containsKey).toList();
        if (common.isEmpty()) {
            throw new UnusableInputException(baseline.name() + " and " + candidate.name()
                    + " have no benchmark in common (same benchmark and parameters): nothing to check");
        }
        return common;
    }

    /**
     * Holm's step-down over the unmuted cells that have {@code metric} in both runs, one family per
     * metric; the muted ones are reported as such.
     */
    private List<Finding> stage(List<CellKey> keys, String metric, Map<String, Double> metrics, Run baseline,
                                Run candidate, double alpha, Set<String> problems) {
        List<Finding> measured = new ArrayList<>();
        for (CellKey key : keys) {
            if (GateMetrics.of(baseline.cell(key).orElseThrow(), metric).isEmpty()
                    || GateMetrics.of(candidate.cell(key).orElseThrow(), metric).isEmpty()) {
                continue; // a cell without the metric in either run (GateMetrics refused it in only one)
            }
            Optional<GateConfig.Rule> mute = policy.config().mute(key, policy.today());
            measured.add(mute.isPresent()
                    ? measure(key, metric, metrics, baseline, candidate, Status.MUTED, "muted until "
                    + mute.get().mute().until() + (mute.get().mute().reason() == null ? "" : ": " + mute.get().mute().reason()))
                    : measure(key, metric, metrics, baseline, candidate, Status.NO_REGRESSION, ""));
        }
        List<Integer> order = IntStream.range(0, measured.size())
                .filter(i -> measured.get(i).status() != Status.MUTED).boxed()
                .sorted(Comparator.comparingDouble(i -> measured.get(i).pValue())).toList();
        int tests = order.size();
        // One message per fork count, not per cell: a 50-cell matrix run with 3 forks is one problem.
        Map<String, List<String>> tooFewForks = new TreeMap<>();
        for (int i : order) {
            Finding f = measured.get(i);
            double reachable = MannWhitney.smallestPValue(f.baselineForks(), f.candidateForks());
            if (reachable > alpha / tests) {
                tooFewForks.computeIfAbsent("with " + f.baselineForks() + " and " + f.candidateForks()
                        + " forks the smallest possible p-value is " + Numbers.pValue(reachable) + ", above the "
                        + Numbers.pValue(alpha / tests) + " that Holm needs for " + tests + " benchmarks at alpha " + alpha
                        + ": run at least " + MannWhitney.forksToReach(alpha / tests) + " forks per side",
                        m -> new ArrayList<>()).add(f.key().label());
            }
        }
        tooFewForks.forEach((message, cells) -> problems.add(cells.size() + (cells.size() == 1 ? " benchmark (" : " benchmarks (e.g. ")
                + cells.get(0) + "): " + message));
        for (int rank = 0; rank < tests; rank++) {
            int i = order.get(rank);
            Finding f = measured.get(i);
            if (f.pValue() > alpha / (tests - rank)) {
                break; // Holm stops at the first hypothesis it cannot reject
            }
            if (f.worseBy() >= f.minEffect()) {
                measured.set(i, withStatus(f, Status.REGRESSION, ""));
            } else {
                measured.set(i, withStatus(f, Status.NO_REGRESSION, "significant, but below the minimum effect of "
                        + Numbers.percent(f.minEffect())));
            }
        }
        return measured;
    }

    private Finding measure(CellKey key, String metric, Map<String, Double> metrics, Run baseline, Run candidate,
                            Status status, String note) {
        Cell bc = baseline.cell(key).orElseThrow();
        Cell cc = candidate.cell(key).orElseThrow();
        Metric b = GateMetrics.of(bc, metric).orElseThrow();
        Metric c = GateMetrics.of(cc, metric).orElseThrow();
        if (!b.unit().equals(c.unit()) || !bc.mode().equals(cc.mode())) {
            throw new UnusableInputException(key.label() + " " + metric + " is measured in " + bc.mode() + " "
                    + b.unit() + " in the baseline and " + cc.mode() + " " + c.unit() + " in the candidate; run both alike");
        }
        // Work is a cost: more of it per operation is worse, whatever the mode of the time.
        Direction direction = metric.equals(GateMetrics.TIME) ? bc.direction() : Direction.LOWER_IS_BETTER;
        double p = MannWhitney.worse(direction, b.forkSamples(), c.forkSamples());
        double minEffect = metric.equals(GateMetrics.TIME) ? policy.config().minEffect(key, policy.minEffectPercent())
                : metrics.get(metric) / 100;
        return new Finding(key, metric, direction, b.unit(), b.forks(), c.forks(), b.median(), c.median(),
                direction.worseBy(b.median(), c.median()), p, minEffect, status, note);
    }

    private static Finding withStatus(Finding f, Status status, String note) {
        return new Finding(f.key(), f.metric(), f.direction(), f.unit(), f.baselineForks(), f.candidateForks(), f.baselineMedian(),
                f.candidateMedian(), f.worseBy(), f.pValue(), f.minEffect(), status, note);
    }

    private Verdict verdict(List<Finding> findings, List<String> problems, Run baseline, Run candidate,
                            boolean twoStage, int screened, List<String> notTested) {
        List<CountFinding> counts = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.metric().equals(GateMetrics.TIME)) {
                continue;
            }
            Optional<Audit> b = baseline.cell(finding.key()).flatMap(Cell::audit);
            Optional<Audit> c = candidate.cell(finding.key()).flatMap(Cell::audit);
            // Units that race for chunks count differently from run to run: their counts are no verdict.
            if (b.isPresent() && c.isPresent() && !b.get().raced() && !c.get().raced()) {
                boolean muted = finding.status() == Status.MUTED;
                if (c.get().roundTripsPer1000Rows() > b.get().roundTripsPer1000Rows()) {
                    counts.add(new CountFinding(finding.key(), "round trips per 1,000 rows",
                            b.get().roundTripsPer1000Rows(), c.get().roundTripsPer1000Rows(), muted));
                }
                if (c.get().statementsPer1000Rows() > b.get().statementsPer1000Rows()) {
                    counts.add(new CountFinding(finding.key(), "statements per 1,000 rows",
                            b.get().statementsPer1000Rows(), c.get().statementsPer1000Rows(), muted));
                }
            }
        }
        Map<CellKey, Cell> b = baseline.byKey();
        Map<CellKey, Cell> c = candidate.byKey();
        return new Verdict(findings, counts, problems, policy.config().expiredMutes(policy.today()),
                b.keySet().stream().filter(k -> !c.containsKey(k)).toList(),
                c.keySet().stream().filter(k -> !b.containsKey(k)).toList(), screened, twoStage, policy,
                List.copyOf(notTested));
    }
}
