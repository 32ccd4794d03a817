package io.batchbench.tools.merge;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.Tools;
import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.RunLocation;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines runs of one matrix (CI shards, repeated runs) into one run folder: the forks of a cell "
                + "in several runs are concatenated. Refuses runs whose environments or settings differ.")
public final class MergeCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "the merged run folder")
    Path out;

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "run folders or JMH JSON files")
    List<Path> runs;

    @Override
    public Integer call() {
        RunMerger.merge(runs, RunLocation.folder(out));
        System.out.println("batchbench: merged " + runs.size() + " runs into " + out);
        return ExitCode.PASS;
    }
}
