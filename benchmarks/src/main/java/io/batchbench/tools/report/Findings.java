package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.Metric;
import io.batchbench.tools.run.Run;

/**
 * The report's first section: per workload, how far each framework's time is from the reference
 * framework's (its smallest and largest paired ratio over the workload's cells) and the largest
 * gain of leaving the naive strategy, each with its interval and a link to the section it comes
 * from. It is a reading guide to the tables, not a verdict: a range says where to look.
 */
final class Findings {

    /**
     * A fork in which the host took 5 % of the machine's CPU time or more:
     * on the 2026-12-03 reference's VM, rounds at 10 % and more ran about 1.5 times as long,
     * rounds under 2 % at 0.95 times the median, and client CPU rose with the steal too.
     */
    static final double STEAL_FLAG = 5;

    private Findings() {
    }

    static void write(Doc doc, Run run, List<ReportBuilder.SectionRatios> sections) {
        doc.heading(2, "Findings");
        if (sections.isEmpty()) {
            doc.text("No paired ratios: no cell of this run has a reference framework or a naive strategy to be"
                    + " divided by.");
            steal(doc, run);
            return;
        }
        TreeSet<String> coverages = new TreeSet<>();
        TreeSet<Integer> pairs = new TreeSet<>();
        sections.forEach(s -> s.ratios().forEach(r -> {
            pairs.add(r.interval().n());
            if (r.interval().hasInterval()) {
                coverages.add(r.coverageText());
            }
        }));
        boolean rounds = PairedRatios.pairing(run.env()).equals("round");
        doc.text("Ratios of time, paired " + (rounds ? "round by round" : "by fork index (not a rounds run)") + " over "
                + join(pairs) + (rounds ? " rounds" : " forks") + ": the median ratio [its rank-based interval"
                + (coverages.isEmpty() ? ": none, one sample" : ", coverage " + String.join(" or ", coverages)) + "]. "
                + "Above 1× is slower than the reference. Each links to its table.");
        Map<String, List<ReportBuilder.SectionRatios>> byWorkload = new LinkedHashMap<>();
        sections.forEach(s -> byWorkload.computeIfAbsent(s.workload(), w -> new ArrayList<>()).add(s));
        byWorkload.forEach((workload, parts) -> {
            doc.text("**" + workload + "**");
            doc.bullets(bullets(parts));
        });
        steal(doc, run);
    }

    /** How much the host took from the forks, when the run recorded it: which times to distrust. */
    private static void steal(Doc doc, Run run) {
        List<double[]> perCell = run.cells().stream().flatMap(c -> c.metric(Cell.HOST_STEAL).stream())
                .map(Metric::forkSamples).toList();
        if (perCell.isEmpty()) {
            return;
        }
        double[] forks = perCell.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        long flaggedForks = Arrays.stream(forks).filter(s -> s >= STEAL_FLAG).count();
        long flaggedCells = perCell.stream().filter(f -> Arrays.stream(f).anyMatch(s -> s >= STEAL_FLAG)).count();
        doc.text("**Host steal** (`host.steal`: the share of the machine's CPU time the hypervisor gave to other "
                + "guests while a cell measured): " + Numbers.format(new Metric("%", forks).median()) + " % in the median fork, "
                + Numbers.format(forks[forks.length - 1]) + " % at most; " + flaggedForks + " of " + forks.length
                + " forks (in " + flaggedCells + " of " + perCell.size() + " cells) at " + Numbers.plain(STEAL_FLAG)
                + " % or more, whose times are slower for a reason outside the cell (`results.csv`: "
                + "`host_steal_max_fork_pct`).");
    }

    private record Located(PairedRatios.Ratio ratio, String heading) {
    }

    private static List<String> bullets(List<ReportBuilder.SectionRatios> parts) {
        Map<String, List<Located>> frameworks = new LinkedHashMap<>();
        Map<String, List<Located>> strategies = new LinkedHashMap<>();
        for (ReportBuilder.SectionRatios part : parts) {
            for (PairedRatios.Ratio ratio : part.ratios()) {
                Map<String, List<Located>> kind = ratio.kind().equals(PairedRatios.FRAMEWORK) ? frameworks : strategies;
                kind.computeIfAbsent(Pivot.framework(ratio.cell()), f -> new ArrayList<>())
                        .add(new Located(ratio, part.heading()));
            }
        }
        List<String> bullets = new ArrayList<>();
        frameworks.forEach((framework, ratios) -> {
            Located low = ratios.stream().min(BY_MEDIAN).orElseThrow();
            Located high = ratios.stream().max(BY_MEDIAN).orElseThrow();
            String name = "`" + framework + "` ÷ `" + Pivot.framework(low.ratio().reference()) + "`";
            bullets.add(ratios.size() == 1 || low == high ? name + ": " + where(low)
                    : name + " over " + ratios.size() + " cells: from " + where(low) + " to " + where(high));
        });
        // The reference framework's strategies come first: its naive ÷ best is the suite's first question.
        strategies.entrySet().stream().findFirst().ifPresent(entry -> {
            Located best = entry.getValue().stream().min(BY_MEDIAN).orElseThrow();
            bullets.add("`" + entry.getKey() + "`, the largest gain over the naive `"
                    + Pivot.strategy(best.ratio().reference()) + "`: `" + Pivot.strategy(best.ratio().cell()) + "` ÷ `"
                    + Pivot.strategy(best.ratio().reference()) + "` " + best.ratio().text() + " ("
                    + Doc.link(section(best.heading()), best.heading()) + ")");
        });
        return bullets;
    }

    private static final Comparator<Located> BY_MEDIAN = Comparator.comparingDouble(l -> l.ratio().interval().median());

    private static String where(Located located) {
        String strategy = Pivot.strategy(located.ratio().cell());
        return located.ratio().text() + " (" + (strategy.isEmpty() ? "" : "`" + strategy + "`, ")
                + Doc.link(section(located.heading()), located.heading()) + ")";
    }

    /** The section's parameters, or the workload's name when it has one section. */
    private static String section(String heading) {
        int comma = heading.indexOf(", ");
        return comma < 0 ? heading : heading.substring(comma + 2);
    }

    private static String join(TreeSet<Integer> values) {
        return values.size() == 1 ? Numbers.plain(values.first())
                : Numbers.plain(values.first()) + " to " + Numbers.plain(values.last());
    }
}
