package io.batchbench.tools.ab;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.gate.Gate;
import io.batchbench.tools.gate.GateOptions;
import io.batchbench.tools.rounds.JmhArguments;

@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Runs BASELINE_JAR and CANDIDATE_JAR alternately, one fork at a time (-f N: N rounds, default 5), "
                + "merges each side, re-runs the cells the screen flags, and checks. ab's own options come before the jars; "
                + "everything after the jars goes to JMH. Exit codes as for check.")
public final class AbCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default results/runs/ab-<time>)")
    Path out;

    @Mixin
    GateOptions options = new GateOptions();

    @Option(names = "--no-confirm", description = "decide on the first pair of runs alone, without re-running flagged cells")
    boolean noConfirm;

    @Parameters(index = "0", paramLabel = "BASELINE_JAR")
    Path baselineJar;

    @Parameters(index = "1", paramLabel = "CANDIDATE_JAR")
    Path candidateJar;

    @Parameters(index = "2..*", paramLabel = "JMH_OPTION", description = "selection and options for JMH")
    List<String> jmh = new ArrayList<>();

    @Override
    public Integer call() {
        Gate gate = options.gate();
        Path dir = out != null ? out : Path.of("results", "runs", "ab-"
                + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
        AbRunner.Outcome outcome = new AbRunner(baselineJar, candidateJar, new JmhArguments(jmh), dir).run(gate, !noConfirm);
        Gate.Verdict verdict = noConfirm ? gate.check(outcome.baseline(), outcome.candidate())
                : gate.check(outcome.baseline(), outcome.candidate(), outcome.confirmBaseline(), outcome.confirmCandidate());
        return options.report(verdict, baselineJar.toString(), candidateJar.toString(), dir.resolve("check.md"));
    }
}
