package io.batchbench.tools.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.doc.HtmlRenderer;
import io.batchbench.tools.doc.MarkdownRenderer;
import io.batchbench.tools.run.OutputFiles;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes REPORT.md, report.html, results.csv, ratios.csv and charts (SVG and PNG) for one run.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "a run folder (jmh.json, env.json, audit.json) or a JMH JSON file")
    Path run;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where to write the report (default: the run folder, or the JSON file's folder)")
    Path out;

    @Option(names = "--rtt", paramLabel = "MS", split = ",",
            description = "also project every audited cell to this round-trip time in ms (0 to 1000; several "
                    + "separated by commas): a what-if from each cell's audited round trips, in tables of its own "
                    + "after the measured ones and in projection.csv")
    List<String> rtt = new ArrayList<>();

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

    @Override
    public Integer call() {
        List<Double> projectTo = projections();
        Run results = RunReader.read(run);
        if (!projectTo.isEmpty() && results.cells().stream().allMatch(c -> c.audit().isEmpty())) {
            throw new UnusableInputException(run + ": no audit.json, so no round trips to project from (--rtt needs"
                    + " a run the launcher audited)");
        }
        Path dir = out != null ? out : (java.nio.file.Files.isDirectory(run) ? run : run.toAbsolutePath().getParent());
        String title = run.toAbsolutePath().normalize().getFileName().toString();
        ReportBuilder.Report report = ReportBuilder.build(title, results, projectTo);
        OutputFiles.write(dir.resolve("REPORT.md"), MarkdownRenderer.render(report.doc()));
        OutputFiles.write(dir.resolve("report.html"), HtmlRenderer.render("batchbench report: " + title, report.doc()));
        OutputFiles.write(dir.resolve("results.csv"), CsvWriter.write(results));
        OutputFiles.write(dir.resolve(RatiosCsv.FILE), RatiosCsv.write(report.ratios()));
        report.files().forEach((name, bytes) -> OutputFiles.write(dir.resolve(name), bytes));
        if (projectTo.isEmpty()) {
            // A projection.csv of an earlier --rtt report would no longer match this REPORT.md.
            OutputFiles.delete(dir.resolve(Projection.CSV));
        }
        long charts = report.files().keySet().stream().filter(name -> name.startsWith("charts/")).count();
        System.out.println("batchbench: report in " + dir.resolve("REPORT.md") + ", " + dir.resolve("report.html")
                + ", " + dir.resolve("results.csv") + ", " + dir.resolve(RatiosCsv.FILE) + (projectTo.isEmpty() ? "" : ", " + dir.resolve(Projection.CSV))
                + " and " + charts + " chart files");
        return 0;
    }

    private List<Double> projections() {
        List<Double> values = new ArrayList<>();
        for (String value : rtt) {
            if (!DECIMAL.matcher(value).matches() || Double.parseDouble(value) > 1000) {
                throw new UnusableInputException("--rtt must be a round-trip time in milliseconds from 0 to 1000,"
                        + " such as 0.5; got '" + value + "'");
            }
            values.add(Double.parseDouble(value));
        }
        return values;
    }
}
