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
     * @param minEffect the smallest change that counts for this cell, as a fraction
     */
    public record Finding(CellKey key, Direction direction, String unit, int baselineForks, int candidateForks,
                          double baselineMedian, double candidateMedian, double worseBy, double pValue,
                          double minEffect, Status status, String note) {
    }

    /** An exact count that went up (statements or round trips per 1,000 rows). */
    public record CountFinding(CellKey key, String count, double baseline, double candidate, boolean muted) {
    }

    public record Verdict(List<Finding> findings, List<CountFinding> counts, List<String> problems,
                          List<GateConfig.Rule> expiredMutes, List<CellKey> onlyInBaseline,
                          List<CellKey> onlyInCandidate, int screened, boolean twoStage, Policy policy) {

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

    /** One stage: Holm at alpha over every cell the two runs share. */
    public Verdict check(Run baseline, Run candidate) {
        List<CellKey> tested = tested(baseline, candidate);
        List<String> problems = new ArrayList<>();
        List<Finding> findings = stage(tested, baseline, candidate, policy.alpha(), problems);
        return verdict(findings, problems, baseline, candidate, false, 0);
    }

    /** The cells the screen flags: Holm at the lenient screen level over every shared cell. */
    public Set<CellKey> screen(Run baseline, Run candidate) {
        List<String> problems = new ArrayList<>();
        List<Finding> findings = stage(tested(baseline, candidate), baseline, candidate, policy.screenAlpha(), problems);
        if (!problems.isEmpty()) {
            throw new UnusableInputException(String.join("; ", problems));
        }
        Set<CellKey> flagged = new LinkedHashSet<>();
        findings.stream().filter(f -> f.status() == Status.REGRESSION).forEach(f -> flagged.add(f.key()));
        return flagged;
    }

    /**
     * Two stages: the screen on the first pair of runs, then Holm at alpha over the flagged cells
     * on the confirmation pair. Only a regression seen in both fails the check; the counts are
     * compared on the first pair.
     */
    public Verdict check(Run baseline, Run candidate, Run confirmBaseline, Run confirmCandidate) {
        Set<CellKey> flagged = screen(baseline, candidate);
        List<String> problems = new ArrayList<>();
        List<CellKey> confirmable = flagged.stream()
                .filter(k -> confirmBaseline.cell(k).isPresent() && confirmCandidate.cell(k).isPresent()).toList();
        flagged.stream().filter(k -> !confirmable.contains(k)).forEach(k ->
                problems.add(k.label() + " was flagged but is missing from the confirmation runs"));
        List<Finding> confirmed = stage(confirmable, confirmBaseline, confirmCandidate, policy.alpha(), problems);
        List<Finding> findings = new ArrayList<>();
        for (CellKey key : tested(baseline, candidate)) {
            Optional<Finding> second = confirmed.stream().filter(f -> f.key().equals(key)).findFirst();
            if (second.isPresent()) {
                Finding f = second.get();
                findings.add(f.status() == Status.REGRESSION ? f : withStatus(f, Status.NOT_CONFIRMED,
                        "flagged by the screen, not confirmed by the re-run"));
            } else {
                findings.add(measure(key, baseline, candidate, Status.NO_REGRESSION, ""));
            }
        }
        return verdict(findings, problems, baseline, candidate, true, flagged.size());
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

    /** Holm's step-down over the unmuted cells; the muted ones are reported as such. */
    private List<Finding> stage(List<CellKey> keys, Run baseline, Run candidate, double alpha, List<String> problems) {
        List<Finding> measured = new ArrayList<>();
        for (CellKey key : keys) {
            Optional<GateConfig.Rule> mute = policy.config().mute(key, policy.today());
            measured.add(mute.isPresent()
                    ? measure(key, baseline, candidate, Status.MUTED, "muted until " + mute.get().mute().until()
                    + (mute.get().mute().reason() == null ? "" : ": " + mute.get().mute().reason()))
                    : measure(key, baseline, candidate, Status.NO_REGRESSION, ""));
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

    private Finding measure(CellKey key, Run baseline, Run candidate, Status status, String note) {
        Cell b = baseline.cell(key).orElseThrow();
        Cell c = candidate.cell(key).orElseThrow();
        if (!b.primary().unit().equals(c.primary().unit()) || !b.mode().equals(c.mode())) {
            throw new UnusableInputException(key.label() + " is measured in " + b.mode() + " " + b.primary().unit()
                    + " in the baseline and " + c.mode() + " " + c.primary().unit() + " in the candidate; run both alike");
        }
        Direction direction = b.direction();
        double p = MannWhitney.worse(direction, b.primary().forkSamples(), c.primary().forkSamples());
        return new Finding(key, direction, b.primary().unit(), b.primary().forks(), c.primary().forks(),
                b.primary().median(), c.primary().median(), direction.worseBy(b.primary().median(), c.primary().median()),
                p, policy.config().minEffect(key, policy.minEffectPercent()), status, note);
    }

    private static Finding withStatus(Finding f, Status status, String note) {
        return new Finding(f.key(), f.direction(), f.unit(), f.baselineForks(), f.candidateForks(), f.baselineMedian(),
                f.candidateMedian(), f.worseBy(), f.pValue(), f.minEffect(), status, note);
    }

    private Verdict verdict(List<Finding> findings, List<String> problems, Run baseline, Run candidate,
                            boolean twoStage, int screened) {
        List<CountFinding> counts = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<Audit> b = baseline.cell(finding.key()).flatMap(Cell::audit);
            Optional<Audit> c = candidate.cell(finding.key()).flatMap(Cell::audit);
            if (b.isPresent() && c.isPresent()) {
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
                c.keySet().stream().filter(k -> !b.containsKey(k)).toList(), screened, twoStage, policy);
    }
}
