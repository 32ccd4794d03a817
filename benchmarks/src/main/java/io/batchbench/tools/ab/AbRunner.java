package io.batchbench.tools.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.batchbench.tools.gate.Gate;
import io.batchbench.tools.merge.RunMerger;
import io.batchbench.tools.rounds.JarRun;
import io.batchbench.tools.rounds.JmhArguments;
import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.Run;
import io.batchbench.tools.run.RunLocation;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

/**
 * Runs a baseline and a candidate jar in one job, one fork at a time and alternately (A, B, A, B
 * ...), so that the machine's drift over the job lands on both sides alike instead of on the
 * difference. Each side's rounds are merged into a run folder; then the cells the screen flags are
 * run again the same way, and only what that re-run confirms is a regression.
 */
public final class AbRunner {

    record Outcome(Run baseline, Run candidate, Run confirmBaseline, Run confirmCandidate) {
    }

    private final Path baselineJar;
    private final Path candidateJar;
    private final JmhArguments arguments;
    private final Path out;

    AbRunner(Path baselineJar, Path candidateJar, JmhArguments arguments, Path out) {
        this.baselineJar = jar(baselineJar);
        this.candidateJar = jar(candidateJar);
        this.arguments = arguments;
        this.out = out;
    }

    private static Path jar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UnusableInputException(jar + ": no such jar (build it with ./mvnw -B package -DskipTests)");
        }
        return jar.toAbsolutePath();
    }

    /** The full selection, interleaved; merged into {@code out/baseline} and {@code out/candidate}. */
    Run[] measure(String stage, Function<String, List<List<String>>> invocations) {
        Path rounds = out.resolve(stage + "-rounds");
        List<Path> baselineFiles = new ArrayList<>();
        List<Path> candidateFiles = new ArrayList<>();
        for (int round = 1; round <= arguments.rounds; round++) {
            baselineFiles.addAll(run(stage, "baseline", baselineJar, round, rounds, invocations));
            candidateFiles.addAll(run(stage, "candidate", candidateJar, round, rounds, invocations));
        }
        Path baselineDir = out.resolve(stage.equals("measure") ? "baseline" : "confirm-baseline");
        Path candidateDir = out.resolve(stage.equals("measure") ? "candidate" : "confirm-candidate");
        RunMerger.merge(baselineFiles, RunLocation.folder(baselineDir));
        RunMerger.merge(candidateFiles, RunLocation.folder(candidateDir));
        return new Run[] {RunReader.read(baselineDir), RunReader.read(candidateDir)};
    }

    Outcome run(Gate gate, boolean confirm) {
        Run[] first = measure("measure", file -> List.of(arguments.round(file)));
        if (!confirm) {
            return new Outcome(first[0], first[1], null, null);
        }
        Set<CellKey> flagged = gate.screen(first[0], first[1]);
        if (flagged.isEmpty()) {
            // Nothing to confirm: the confirmation stage tests no cell, whatever runs it is given.
            return new Outcome(first[0], first[1], first[0], first[1]);
        }
        System.out.println("ab: the screen flagged " + flagged.size() + " cells; running them again to confirm");
        List<CellKey> cells = List.copyOf(flagged);
        Run[] second = measure("confirm", file -> {
            List<List<String>> commands = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                commands.add(arguments.cell(cells.get(i), file.replace(".json", "-cell" + (i + 1) + ".json")));
            }
            return commands;
        });
        return new Outcome(first[0], first[1], second[0], second[1]);
    }

    private List<Path> run(String stage, String side, Path jar, int round, Path dir,
                           Function<String, List<List<String>>> invocations) {
        String file = dir.resolve(side + "-" + round + ".json").toAbsolutePath().toString();
        List<Path> results = new ArrayList<>();
        for (List<String> jmh : invocations.apply(file)) {
            String result = jmh.get(jmh.size() - 1);
            System.out.println("ab: " + stage + " round " + round + "/" + arguments.rounds + ", " + side + ": "
                    + String.join(" ", jmh));
            int exit = exec(jar, jmh);
            if (exit != 0) {
                throw new UnusableInputException("the " + side + " jar (" + jar + ") failed in " + stage + " round " + round
                        + " with exit code " + exit + "; its output is above");
            }
            results.add(Path.of(result));
        }
        return results;
    }

    private int exec(Path jar, List<String> jmh) {
        try {
            Files.createDirectories(out);
            return JarRun.start(jar, jmh, System.out).waitFor();
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + out + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnusableInputException("interrupted");
        }
    }
}
