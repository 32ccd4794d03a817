package io.batchbench.tools.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.doc.HtmlRenderer;
import io.batchbench.tools.doc.MarkdownRenderer;
import io.batchbench.tools.run.OutputFiles;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunReader;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes REPORT.md, report.html, results.csv and charts (SVG and PNG) for one run.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "a run folder (jmh.json, env.json, audit.json) or a JMH JSON file")
    Path run;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where to write the report (default: the run folder, or the JSON file's folder)")
    Path out;

    @Override
    public Integer call() {
        Run results = RunReader.read(run);
        Path dir = out != null ? out : (java.nio.file.Files.isDirectory(run) ? run : run.toAbsolutePath().getParent());
        String title = run.toAbsolutePath().normalize().getFileName().toString();
        ReportBuilder.Report report = ReportBuilder.build(title, results);
        OutputFiles.write(dir.resolve("REPORT.md"), MarkdownRenderer.render(report.doc()));
        OutputFiles.write(dir.resolve("report.html"), HtmlRenderer.render("batchbench report: " + title, report.doc()));
        OutputFiles.write(dir.resolve("results.csv"), CsvWriter.write(results));
        report.files().forEach((name, bytes) -> OutputFiles.write(dir.resolve(name), bytes));
        System.out.println("batchbench: report in " + dir.resolve("REPORT.md") + ", " + dir.resolve("report.html")
                + ", " + dir.resolve("results.csv") + " and " + report.files().size() + " chart files");
        return 0;
    }
}
