package io.batchbench.tools.gate;

import java.util.ArrayList;
import java.util.List;

import io.batchbench.tools.Tools;
import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.MarkdownRenderer;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.run.ExitCode;

/** The check's verdict as Markdown, for a CI job summary ($GITHUB_STEP_SUMMARY) and the terminal. */
public final class CheckSummary {

    private CheckSummary() {
    }

    static String render(Gate.Verdict verdict, String baseline, String candidate) {
        Doc doc = new Doc();
        int regressions = verdict.regressions().size() + verdict.countRegressions().size();
        doc.heading(2, switch (verdict.exitCode()) {
            case ExitCode.PASS -> "batchbench check: no regression";
            case ExitCode.REGRESSION -> "batchbench check: " + regressions + (regressions == 1 ? " regression" : " regressions");
            default -> "batchbench check: unusable input";
        });
        Gate.Policy s = verdict.policy();
        long common = verdict.findings().stream().map(Gate.Finding::key).distinct().count();
        long tested = verdict.findings().stream().filter(f -> f.status() != Gate.Status.MUTED)
                .map(Gate.Finding::key).distinct().count();
        java.util.Map<String, Double> effects = new java.util.LinkedHashMap<>();
        verdict.findings().forEach(f -> effects.putIfAbsent(f.metric(), f.metric().equals(GateMetrics.TIME)
                ? s.minEffectPercent() : f.minEffect() * 100));
        doc.text("Baseline `" + baseline + "`, candidate `" + candidate + "`: " + common
                + " benchmarks in common, " + tested + " tested. One sample per fork; one-sided Mann–Whitney U test in the "
                + "worse direction (for time, of each benchmark's mode and unit; for work, more is worse); per metric, "
                + "Holm over the tested benchmarks at alpha " + s.alpha() + "; a regression must also be at least the "
                + "metric's minimum effect on the medians ("
                + effects.entrySet().stream().map(e -> e.getKey() + " " + Numbers.plain(e.getValue()) + " %"
                + (e.getKey().equals(GateMetrics.TIME) ? " by default" : ""))
                .collect(java.util.stream.Collectors.joining(", ")) + ")."
                + (verdict.twoStage() ? " Two stages: the screen (Holm at " + s.screenAlpha() + ") flagged "
                + verdict.screened() + ", the re-run of those decides." : ""));
        if (!verdict.problems().isEmpty()) {
            doc.text("**Cannot decide:**");
            doc.bullets(verdict.problems());
        }
        if (!verdict.regressions().isEmpty()) {
            doc.heading(3, "Regressions");
            doc.table(table(verdict.regressions()));
        }
        if (!verdict.counts().isEmpty()) {
            doc.heading(3, "More statements or round trips (exact counts: any increase is a regression)");
            TableBuilder counts = new TableBuilder().text("benchmark", "count").numbers("baseline", "candidate").text("");
            verdict.counts().forEach(c -> counts.row(List.of(c.key().label(), c.count(), Numbers.format(c.baseline()),
                    Numbers.format(c.candidate()), c.muted() ? "muted" : "**regression**")));
            doc.table(counts.build());
        }
        List<String> notes = new ArrayList<>();
        verdict.expiredMutes().forEach(r -> notes.add("The mute of " + r.describe() + " expired on " + r.mute().until()
                + " and no longer applies."));
        verdict.findings().stream().filter(f -> f.status() == Gate.Status.MUTED)
                .map(f -> "`" + f.key().label() + "` " + f.note() + ".").distinct().forEach(notes::add);
        verdict.notTested().forEach(n -> notes.add(n + "."));
        verdict.onlyInBaseline().forEach(k -> notes.add("Only in the baseline: `" + k.label() + "`."));
        verdict.onlyInCandidate().forEach(k -> notes.add("Only in the candidate: `" + k.label() + "`."));
        doc.bullets(notes);
        String all = MarkdownRenderer.render(new Doc().table(table(verdict.findings())));
        return MarkdownRenderer.render(doc) + "\n<details><summary>All " + verdict.findings().size()
                + " tests (benchmark × metric)</summary>\n\n" + all + "\n</details>\n";
    }

    private static Doc.Table table(List<Gate.Finding> findings) {
        TableBuilder table = new TableBuilder().text("benchmark", "metric", "unit")
                .numbers("baseline", "candidate", "worse by", "p (one-sided)", "min effect", "forks").text("verdict");
        for (Gate.Finding f : findings) {
            table.row(List.of(f.key().label(), f.metric(), f.unit(), Numbers.format(f.baselineMedian()),
                    Numbers.format(f.candidateMedian()), Numbers.percent(f.worseBy()), Numbers.pValue(f.pValue()),
                    Numbers.percent(f.minEffect()), f.baselineForks() + " / " + f.candidateForks(),
                    verdictText(f)));
        }
        return table.build();
    }

    private static String verdictText(Gate.Finding f) {
        String status = switch (f.status()) {
            case REGRESSION -> "**regression**";
            case NOT_CONFIRMED -> "not confirmed";
            case NO_REGRESSION -> "ok";
            case MUTED -> "muted";
        };
        return f.note().isEmpty() || f.status() == Gate.Status.MUTED ? status : status + " (" + f.note() + ")";
    }
}
