package io.batchbench.tools.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.batchbench.tools.doc.Doc;
import io.batchbench.tools.doc.Numbers;
import io.batchbench.tools.doc.TableBuilder;
import io.batchbench.tools.run.Cell;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.ParamValues;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.stats.Interval;

/**
 * Turns one run into the report: the environment first, then per workload a pivot table per
 * section (the parameters other than framework and strategy), the winner, speed-ups against the
 * references, round trips and allocation where the run has them, bar charts with whiskers, and
 * lines over the scaling parameters.
 */
public final class ReportBuilder {

    static final List<String> SCALING = List.of("rows", "depth", "commitEvery", "pageSize", "chunkSize");

    /** The document, the chart files it refers to by relative path, and the paired ratios it shows. */
    record Report(Doc doc, SortedMap<String, byte[]> files, List<SectionRatios> ratios) {
    }

    static final String ENVIRONMENT = "Environment";

    /**
     * The workload families in the order the architecture page lists them (reading, then writing,
     * the batch job, then concurrency): a benchmark's family is its package, {@code paging} in
     * {@code io.batchbench.benchmark.paging.FullScanBenchmark.fullScan}. Other benchmarks come after
     * them, and within a family the benchmarks go by name.
     */
    static final List<String> FAMILY_ORDER = List.of("paging", "insert", "update", "job", "concurrent");
    static final Comparator<String> WORKLOADS = Comparator.comparing((String benchmark) -> {
        String[] parts = benchmark.split("\\.");
        int index = parts.length < 3 ? -1 : FAMILY_ORDER.indexOf(parts[parts.length - 3]);
        return index < 0 ? FAMILY_ORDER.size() : index;
    }).thenComparing(benchmark -> CellKey.of(benchmark, Map.of()).shortName());

    private final Doc doc = new Doc();
    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final List<SectionRatios> ratios = new ArrayList<>();
    private Set<CellKey> notApplicable = Set.of();

    /** The paired ratios of one section, and the heading they sit under, for the findings and ratios.csv. */
    record SectionRatios(String workload, String heading, List<PairedRatios.Ratio> ratios) {
    }

    static Report build(String title, Run run) {
        return build(title, run, List.of());
    }

    /**
     * The findings first (the headline paired ratios, linking to their sections), a table of
     * contents, the detail per workload, the projection to each of {@code projectTo} (ms) when
     * asked for, and the environment last: a reader decides on the first screen and checks after.
     */
    static Report build(String title, Run run, List<Double> projectTo) {
        ReportBuilder detail = new ReportBuilder();
        detail.notApplicable = RunReader.notApplicable(run.env());
        detail.pairing = PairedRatios.pairing(run.env());
        detail.write(run);
        if (!projectTo.isEmpty()) {
            Projection.write(detail.doc, detail.files, run, projectTo);
        }
        Doc doc = new Doc();
        doc.heading(1, "batchbench report: " + title);
        Findings.write(doc, run, detail.ratios);
        contents(doc, detail.doc);
        doc.append(detail.doc);
        environment(doc, run.env());
        return new Report(doc, detail.files, detail.ratios);
    }

    /** The level-2 headings that follow, each a link. */
    private static void contents(Doc doc, Doc detail) {
        List<String> items = new ArrayList<>();
        for (Doc.Block block : detail.blocks()) {
            if (block instanceof Doc.Heading h && h.level() == 2) {
                items.add(Doc.link(h.text(), h.text()));
            }
        }
        items.add(Doc.link(ENVIRONMENT, ENVIRONMENT));
        doc.heading(2, "Contents");
        doc.bullets(items);
    }

    private void write(Run run) {
        doc.heading(2, "How to read the tables");
        doc.text("Each figure is the mean of one sample per fork (the mean of that fork's measured iterations) "
                + "± the half-width of the 95 % Student t-interval over the forks; `(n=1)` marks a cell measured in one "
                + "fork, which gives no interval. With the `rows` counter, times are per row and rows/s is its inverse. "
                + "Speed-ups above 1× are faster than the reference. `n/a` marks a combination the run's selection "
                + "named but that is no cell (a framework without an idiom for it), as env.json records it.");
        doc.text("Paired ratios divide a cell's time by its reference's sample by sample, "
                + (PairedRatios.pairing(run.env()).equals("round")
                ? "round by round (fork i of every cell ran in round i, in a shuffled order)"
                : "fork by fork (this run was not made in rounds: fork i of two cells ran at different times, so the "
                + "pairing does not cancel the machine's drift; make published runs with `scripts/rounds`)")
                + ". Each shows the median of those ratios and, in brackets, the order-statistic (rank-based) interval "
                + "for the median with its actual coverage: few samples cannot give 95 % (5 give at most 93.8 %, "
                + "their minimum and maximum). Above 1× the cell is slower than its reference.");
        Map<String, List<Cell>> workloads = run.cells().stream()
                .collect(Collectors.groupingBy(c -> c.key().benchmark(), () -> new TreeMap<>(WORKLOADS),
                        Collectors.toList()));
        workloads.forEach((benchmark, cells) -> workload(cells));
    }

    private static void environment(Doc doc, JsonNode env) {
        doc.heading(2, ENVIRONMENT);
        if (env.isEmpty()) {
            doc.text("No env.json next to the results: the environment is unknown.");
            return;
        }
        TableBuilder table = new TableBuilder().text("", "");
        row(table, "run", text(env, "/runId") + ", recorded " + text(env, "/recordedAt"));
        row(table, "commit", text(env, "/git/commit") + ("true".equals(text(env, "/git/dirty")) ? " (dirty)" : ""));
        row(table, "JDK", text(env, "/java/version") + " " + text(env, "/java/vendor") + " " + text(env, "/java/vmName"));
        row(table, "OS", text(env, "/os/name") + " " + text(env, "/os/version") + " " + text(env, "/os/arch"));
        row(table, "CPU", text(env, "/cpu/model") + ", " + text(env, "/cpu/logicalCores") + " logical cores");
        if (env.at("/memoryBytes").isNumber()) {
            row(table, "memory", Numbers.format(env.at("/memoryBytes").asDouble() / (1L << 30)) + " GiB");
        }
        row(table, "PostgreSQL", text(env, "/postgres/settings/server_version") + " (" + text(env, "/postgres/provider") + ")");
        row(table, "settings", joined(env.at("/postgres/settings"), "=", "server_version"));
        row(table, "versions", joined(env.at("/versions"), " ", ""));
        if (env.at("/jmhArguments").isArray()) {
            List<String> args = new ArrayList<>();
            env.at("/jmhArguments").forEach(a -> args.add(a.asText()));
            row(table, "JMH arguments", "`" + String.join(" ", args) + "`");
        }
        doc.table(table.build());
    }

    private static void row(TableBuilder table, String name, String value) {
        table.row(List.of(name, value));
    }

    private static String text(JsonNode env, String pointer) {
        JsonNode node = env.at(pointer);
        return node.isMissingNode() || node.isNull() ? "?" : node.asText();
    }

    private static String joined(JsonNode object, String separator, String skip) {
        List<String> parts = new ArrayList<>();
        object.properties().forEach(e -> {
            if (!e.getKey().equals(skip)) {
                parts.add(e.getKey() + separator + e.getValue().asText());
            }
        });
        return String.join(", ", parts);
    }

    private void workload(List<Cell> cells) {
        Cell first = cells.get(0);
        String name = first.key().shortName();
        doc.heading(2, name);
        TreeMap<Integer, Integer> forks = new TreeMap<>();
        cells.forEach(c -> forks.merge(c.primary().forks(), 1, Integer::sum));
        doc.text("`" + first.key().benchmark() + "`, mode " + first.mode() + ", " + cells.size() + " cells, forks per cell: "
                + forks.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        Map<String, List<CellFigures>> sections = sections(cells);
        Map<String, Set<List<String>>> absent = new LinkedHashMap<>();
        for (CellKey key : notApplicable) {
            if (key.shortName().equals(name)) {
                absent.computeIfAbsent(sectionName(key, List.of(Pivot.FRAMEWORK, Pivot.STRATEGY)), s -> new HashSet<>())
                        .add(List.of(key.params().getOrDefault(Pivot.FRAMEWORK, ""),
                                key.params().getOrDefault(Pivot.STRATEGY, "")));
            }
        }
        sections.forEach((section, figures) -> section(name, section, figures, absent.getOrDefault(section, Set.of())));
        for (String parameter : SCALING) {
            scaling(name, parameter, cells);
        }
        overRtt(name, cells);
        ConcurrencyScaling.write(doc, this::figure, name, cells);
    }

    /** One workload's cells grouped by the parameters other than framework and strategy: a pivot each. */
    static Map<String, List<CellFigures>> sections(List<Cell> cells) {
        Map<String, List<CellFigures>> sections = new LinkedHashMap<>();
        for (Cell cell : cells) {
            sections.computeIfAbsent(sectionName(cell.key(), List.of(Pivot.FRAMEWORK, Pivot.STRATEGY)),
                    s -> new ArrayList<>()).add(CellFigures.of(cell));
        }
        return sections;
    }

    /** The parameters other than {@code excluded}, in key order; cells are already sorted by them. */
    private static String sectionName(CellKey key, List<String> excluded) {
        return key.params().entrySet().stream().filter(e -> !excluded.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private void section(String workload, String section, List<CellFigures> figures, Set<List<String>> absent) {
        String heading = section.isEmpty() ? workload : workload + ", " + section;
        if (!section.isEmpty()) {
            doc.heading(3, heading);
        }
        Pivot pivot = new Pivot(figures, absent);
        CellFigures sample = figures.get(0);
        boolean perRow = sample.unit().equals(CellFigures.MICROS_PER_ROW);
        doc.table(pivotTable(pivot, perRow ? "µs/row" : sample.unit(), CellFigures::valueText));
        if (perRow) {
            doc.table(pivotTable(pivot, "rows/s", f -> Numbers.format(f.rowsPerSecond().orElseThrow())));
        }
        pivot.best(pivot.all()).ifPresent(winner -> doc.text("**Winner:** " + cellName(winner) + ", "
                + Numbers.format(winner.value()) + " " + winner.unit() + "."));
        measuredRtt(pivot);
        speedUps(pivot);
        pairedRatios(workload, heading, pivot);
        counts(pivot);
        allocation(pivot);
        work(pivot);
        String id = slug(workload + " " + section + " bars");
        List<ChartRenderer.Bar> bars = pivot.all().stream()
                .map(f -> new ChartRenderer.Bar(label(Pivot.strategy(f)), label(Pivot.framework(f)),
                        new ChartRenderer.Point(f.value(), f.halfWidth())))
                .toList();
        figure(id, workload + (section.isEmpty() ? "" : ", " + section),
                ChartRenderer.bars(id, workload + (section.isEmpty() ? "" : " " + section), "framework",
                        sample.unit() + " (whiskers: 95 % interval)", bars));
    }

    private static String label(String value) {
        return value.isEmpty() ? "all" : value;
    }

    private static String cellName(CellFigures figures) {
        String framework = Pivot.framework(figures);
        String strategy = Pivot.strategy(figures);
        if (framework.isEmpty() && strategy.isEmpty()) {
            return "`" + figures.cell().key().shortName() + "`";
        }
        return "`" + framework + "`" + Pivot.quotedAfter(strategy);
    }

    private Doc.Table pivotTable(Pivot pivot, String unit, Function<CellFigures, String> value) {
        TableBuilder table = new TableBuilder().text("framework");
        pivot.strategies.forEach(s -> table.numbers(label(s) + " " + unit));
        for (String framework : pivot.frameworks) {
            List<String> row = new ArrayList<>();
            row.add(label(framework));
            for (String strategy : pivot.strategies) {
                row.add(pivot.cell(framework, strategy).map(value)
                        .orElse(pivot.notApplicable(framework, strategy) ? "n/a" : ""));
            }
            table.row(row);
        }
        return table.build();
    }

    private void speedUps(Pivot pivot) {
        Optional<CellFigures> referenceBest = pivot.referenceFramework().flatMap(pivot::bestOf);
        Optional<String> naive = pivot.naiveStrategy();
        if (referenceBest.isEmpty() && naive.isEmpty()) {
            return;
        }
        TableBuilder table = new TableBuilder().text("framework", "strategy");
        referenceBest.ifPresent(best -> table.numbers("× vs `" + Pivot.framework(best) + "`" + Pivot.quotedAfter(Pivot.strategy(best))));
        naive.ifPresent(n -> table.numbers("× vs own `" + n + "`"));
        for (CellFigures figures : pivot.all()) {
            List<String> row = new ArrayList<>(List.of(Pivot.framework(figures), Pivot.strategy(figures)));
            referenceBest.ifPresent(best -> row.add(Numbers.times(figures.direction().speedUp(best.value(), figures.value()))));
            naive.ifPresent(n -> row.add(pivot.cell(Pivot.framework(figures), n)
                    .map(reference -> Numbers.times(figures.direction().speedUp(reference.value(), figures.value())))
                    .orElse("")));
            table.row(row);
        }
        doc.text("Speed-up against " + referenceBest.map(best -> "`" + Pivot.framework(best) + "`'s best strategy")
                .orElse("") + (referenceBest.isPresent() && naive.isPresent() ? " and against " : "")
                + naive.map(n -> "each framework's naive strategy").orElse("") + ":");
        doc.table(table.build());
    }

    private String pairing = "fork";

    private void pairedRatios(String workload, String heading, Pivot pivot) {
        List<PairedRatios.Ratio> section = PairedRatios.of(pivot);
        if (section.isEmpty()) {
            return;
        }
        ratios.add(new SectionRatios(workload, heading, section));
        doc.text("Paired ratios of time (the cell ÷ its reference: the median of the per-" + pairing
                + " ratios [rank-based interval]):");
        TableBuilder table = new TableBuilder().text("ratio").numbers("median [interval]", "coverage", "pairs");
        for (PairedRatios.Ratio ratio : section) {
            table.row(List.of(ratio.label(), ratio.text(), ratio.coverageText(),
                    String.valueOf(ratio.interval().n())));
        }
        doc.table(table.build());
    }

    private void counts(Pivot pivot) {
        if (pivot.all().stream().noneMatch(f -> f.cell().audit().isPresent())) {
            return;
        }
        doc.text("Statements / round trips per 1,000 rows (untimed audit pass):");
        doc.table(pivotTable(pivot, "stmts / trips", f -> f.cell().audit()
                .map(a -> Numbers.format(a.statementsPer1000Rows()) + " / " + Numbers.format(a.roundTripsPer1000Rows()))
                .orElse("")));
    }

    /** At a distance, what the trials' paths added to a round trip: the number every prediction rests on. */
    private void measuredRtt(Pivot pivot) {
        double[] measured = pivot.all().stream().map(CellFigures::cell)
                .filter(c -> RoundTripTime.nominal(c) > 0 && RoundTripTime.measured(c))
                .mapToDouble(RoundTripTime::effective).sorted().toArray();
        if (measured.length > 0) {
            doc.text("Round trip added by the relay, as each trial measured it (`rtt.measured`, median of `SELECT 1`"
                    + " through it minus direct): " + Numbers.format(measured[0])
                    + (measured.length > 1 && measured[measured.length - 1] != measured[0]
                    ? " to " + Numbers.format(measured[measured.length - 1]) : "") + " ms.");
        }
    }

    /**
     * For cells measured at more than one rtt: time per row over rtt, a line per framework and
     * strategy, and each cell's extra time over its lowest rtt next to what its audited round trips
     * predict.
     */
    private void overRtt(String workload, List<Cell> cells) {
        RoundTripTime.series(cells).forEach((group, series) -> {
            if (series.stream().noneMatch(s -> s.byRtt().size() > 1)) {
                return;
            }
            String title = workload + " over rtt" + (group.isEmpty() ? "" : ", " + group);
            doc.heading(3, title);
            List<CellFigures> figures = series.stream().flatMap(s -> s.byRtt().values().stream())
                    .map(CellFigures::of).toList();
            String id = slug(workload + " " + group + " over rtt");
            boolean perRow = figures.stream().allMatch(f -> f.unit().equals(CellFigures.MICROS_PER_ROW));
            figure(id, title, ChartRenderer.lines(id, title, "rtt (ms)", perRow ? CellFigures.MICROS_PER_ROW
                    : figures.get(0).cell().primary().unit(), linePoints(figures, Cell.RTT, perRow)));
            doc.text("Extra time per operation over the same cell at its lowest rtt (rtt=0 connects directly): "
                    + "measured, the difference of the two cells' means (± the root of the sum of their squared 95 % "
                    + "half-widths); predicted, the audited round trips per operation × the difference of the round "
                    + "trips the two trials measured (`rtt.measured`). A ratio above 1 is time the round trips do not "
                    + "explain; below 1, waits that overlapped.");
            TableBuilder table = new TableBuilder().text("framework", "strategy").numbers("rtt ms",
                    "rtt.measured ms", "round trips/op", "extra ms/op, measured", "extra ms/op, predicted",
                    "measured ÷ predicted");
            for (RoundTripTime.Series s : series) {
                Cell base = s.base();
                s.byRtt().tailMap(RoundTripTime.nominal(base), false).forEach((rtt, cell) -> {
                    OptionalDouble extra = difference(RoundTripTime.millisPerOp(cell), RoundTripTime.millisPerOp(base));
                    java.util.OptionalLong trips = s.roundTrips(cell);
                    OptionalDouble predicted = trips.isPresent()
                            ? OptionalDouble.of(RoundTripTime.predictedExtra(trips.getAsLong(), base, cell))
                            : OptionalDouble.empty();
                    table.row(List.of(label(s.framework()), label(s.strategy()), Numbers.plain(rtt),
                            RoundTripTime.measured(cell) ? Numbers.format(RoundTripTime.effective(cell)) : "",
                            trips.isPresent() ? Numbers.format(trips.getAsLong()) : "",
                            extra.isPresent() ? Numbers.format(extra.getAsDouble()) + halfWidth(base, cell) : "",
                            format(predicted),
                            extra.isPresent() && predicted.isPresent() && predicted.getAsDouble() > 0
                                    ? Numbers.format(extra.getAsDouble() / predicted.getAsDouble()) : ""));
                });
            }
            doc.table(table.build());
        });
    }

    private static OptionalDouble difference(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble())
                : OptionalDouble.empty();
    }

    /** {@code  ± 0.12} in ms, for times per operation with an interval on both sides; else {@code  (n=1)} or nothing. */
    private static String halfWidth(Cell base, Cell cell) {
        OptionalDouble a = Interval.halfWidth(base.primary());
        OptionalDouble b = Interval.halfWidth(cell.primary());
        if (a.isEmpty() || b.isEmpty()) {
            return " (n=1)";
        }
        OptionalDouble ms = Units.micros(Math.hypot(a.getAsDouble(), b.getAsDouble()), cell.primary().unit());
        return cell.primary().unit().endsWith("/op") && ms.isPresent()
                ? " ± " + Numbers.format(ms.getAsDouble() / 1000) : "";
    }

    private void allocation(Pivot pivot) {
        if (pivot.all().stream().noneMatch(f -> f.allocPerOp().isPresent())) {
            return;
        }
        doc.text("Allocation (`-prof gc`, `gc.alloc.rate.norm`):");
        doc.table(pivotTable(pivot, "B/op", f -> format(f.allocPerOp())));
        if (pivot.all().stream().anyMatch(f -> f.allocPerRow().isPresent())) {
            doc.table(pivotTable(pivot, "B/row", f -> format(f.allocPerRow())));
        }
    }

    /**
     * The work the trials measured around each operation (client CPU, server CPU, WAL), per row
     * where rows are counted: quieter than time, and what the gate tests with small minimum effects.
     */
    private void work(Pivot pivot) {
        for (String metric : List.of(Cell.CLIENT_CPU, Cell.SERVER_CPU, Cell.WAL_BYTES)) {
            Optional<CellFigures> sample = pivot.all().stream().filter(f -> f.perOp(metric).isPresent()).findFirst();
            if (sample.isEmpty()) {
                continue;
            }
            String unit = sample.get().cell().metric(metric).orElseThrow().unit().replace("us/", "µs/");
            boolean perRow = pivot.all().stream().anyMatch(f -> f.perRow(metric).isPresent());
            doc.text("`" + metric + "` (" + WORK_MEANING.get(metric) + ", measured around each operation):");
            doc.table(perRow ? pivotTable(pivot, unit.replace("/op", "/row"), f -> format(f.perRow(metric)))
                    : pivotTable(pivot, unit, f -> format(f.perOp(metric))));
        }
    }

    private static final Map<String, String> WORK_MEANING = Map.of(
            Cell.CLIENT_CPU, "CPU time of the benchmark's JVM, its JIT compiler's threads excepted",
            Cell.SERVER_CPU, "CPU time of the trial's PostgreSQL backends",
            Cell.WAL_BYTES, "WAL written");

    private static String format(OptionalDouble value) {
        return value.isPresent() ? Numbers.format(value.getAsDouble()) : "";
    }

    /**
     * One chart per combination of the other non-pivot parameters, with a line per framework and
     * strategy, when the parameter takes more than one value.
     */
    private void scaling(String workload, String parameter, List<Cell> cells) {
        List<Cell> withParameter = cells.stream().filter(c -> c.key().params().containsKey(parameter)).toList();
        if (withParameter.stream().map(c -> c.key().params().get(parameter)).distinct().count() < 2) {
            return;
        }
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : withParameter) {
            groups.computeIfAbsent(sectionName(cell.key(), List.of(Pivot.FRAMEWORK, Pivot.STRATEGY, parameter)),
                    g -> new ArrayList<>()).add(cell);
        }
        groups.forEach((group, members) -> {
            List<CellFigures> figures = members.stream().map(CellFigures::of).toList();
            String unit = figures.get(0).cell().primary().unit();
            List<ChartRenderer.LinePoint> points = linePoints(figures, parameter, false);
            String title = workload + " over " + parameter + (group.isEmpty() ? "" : ", " + group);
            String id = slug(workload + " " + group + " over " + parameter);
            figure(id, title, ChartRenderer.lines(id, title, parameter, unit, points));
        });
    }

    /**
     * The primary score per operation: over a scaling parameter the cost of one operation is what
     * grows. Over rtt, time per row ({@code perRow}): the distance changes the cost of each row.
     */
    private static List<ChartRenderer.LinePoint> linePoints(List<CellFigures> figures, String parameter,
                                                            boolean perRow) {
        List<ChartRenderer.LinePoint> points = new ArrayList<>();
        Pivot pivot = new Pivot(figures);
        List<CellFigures> ordered = new ArrayList<>(figures);
        ordered.sort(Comparator.comparing((CellFigures f) -> pivot.frameworks.indexOf(Pivot.framework(f)))
                .thenComparing(f -> pivot.strategies.indexOf(Pivot.strategy(f)))
                .thenComparing(f -> f.cell().key().params().get(parameter), ParamValues.ORDER));
        for (CellFigures f : ordered) {
            String series = (Pivot.framework(f) + " " + Pivot.strategy(f)).strip();
            points.add(new ChartRenderer.LinePoint(series.isEmpty() ? f.cell().key().shortName() : series,
                    f.cell().key().params().get(parameter),
                    perRow ? new ChartRenderer.Point(f.value(), f.halfWidth())
                            : new ChartRenderer.Point(f.cell().primary().mean(), Interval.halfWidth(f.cell().primary())),
                    pivot.strategies.indexOf(Pivot.strategy(f)), pivot.frameworks.indexOf(Pivot.framework(f))));
        }
        return points;
    }

    private void figure(String id, String title, ChartRenderer.Rendered chart) {
        String svg = "charts/" + id + ".svg";
        String png = "charts/" + id + ".png";
        files.put(svg, chart.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put(png, chart.png());
        doc.figure(new Doc.Figure(title, svg, png, chart.svg()));
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
