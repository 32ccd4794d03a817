package io.batchbench.tools.compare;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.Tools;
import io.batchbench.tools.doc.MarkdownRenderer;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.OutputFiles;
import io.batchbench.tools.run.RunReader;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two runs benchstat-style (Markdown on standard output); environment differences first.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "run folder or JMH JSON file (e.g. a published run)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "run folder or JMH JSON file (e.g. yours)")
    Path b;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "also write the Markdown to FILE")
    Path out;

    @Override
    public Integer call() {
        String markdown = MarkdownRenderer.render(Comparison.build(RunReader.read(a), RunReader.read(b)));
        System.out.print(markdown);
        if (out != null) {
            OutputFiles.write(out, markdown);
        }
        return ExitCode.PASS;
    }
}
