package io.batchbench.tools.gate;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunReader;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "The CI gate: fails (exit 1) when the candidate is slower than the baseline, significantly and by "
                + "at least the minimum effect, or sends more statements or round trips per 1,000 rows. "
                + "Exit 0 no regression, 1 regression, 2 unusable input (also: too few forks to ever reach significance).")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE", description = "run folder or JMH JSON file")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "run folder or JMH JSON file")
    Path candidate;

    @Option(names = "--confirm", arity = "2", paramLabel = "RUN",
            description = "a re-run of baseline and candidate: only the cells the first pair flags are tested on it, "
                    + "and only regressions seen again fail")
    Path[] confirm;

    @Mixin
    GateOptions options = new GateOptions();

    @Override
    public Integer call() {
        Gate gate = options.gate();
        Run base = RunReader.read(baseline);
        Run cand = RunReader.read(candidate);
        Gate.Verdict verdict = confirm == null ? gate.check(base, cand)
                : gate.check(base, cand, RunReader.read(confirm[0]), RunReader.read(confirm[1]));
        return options.report(verdict, baseline.toString(), candidate.toString(), null);
    }
}
