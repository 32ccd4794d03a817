package io.batchbench.tools.rounds;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.batchbench.tools.run.ExitCode;
import io.batchbench.tools.run.UnusableInputException;

@Command(name = "rounds", mixinStandardHelpOptions = true,
        description = "Runs a selection as N interleaved rounds (-f N, default 5): each round every cell once, one fork, "
                + "in a shuffled order; merges them into one run folder. A failed or interrupted round keeps the rounds "
                + "that finished, marked incomplete. rounds' own options come first; everything else goes to JMH.")
public final class RoundsCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default results/runs/rounds-<time>)")
    Path out;

    @Option(names = "--jar", paramLabel = "JAR", description = "the benchmark jar (default: the jar these tools run from)")
    Path jar;

    @Option(names = "--seed", description = "seed of the cell orders; round r uses seed + r (default: random, recorded)")
    Long seed;

    @Parameters(paramLabel = "JMH_OPTION", description = "selection and options for JMH")
    List<String> jmh = new ArrayList<>();

    @Override
    public Integer call() {
        Path dir = out != null ? out : Path.of("results", "runs", "rounds-"
                + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
        RoundsRunner.Outcome outcome = new RoundsRunner(jar != null ? jar : thisJar(), new JmhArguments(jmh), dir,
                chosenSeed, System.out).run();
        if (outcome == null) {
            return ExitCode.INCOMPLETE; // interrupted: the shutdown hook said what it kept
        }
        System.out.println("rounds: " + RoundsRunner.say(outcome));
        return outcome.incomplete() == null ? ExitCode.PASS : ExitCode.INCOMPLETE;
    }

    private static Path thisJar() {
        try {
            Path location = Path.of(RoundsCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.toString().endsWith(".jar")) {
                return location;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        throw new UnusableInputException("rounds runs from benchmarks.jar; here name the jar with --jar");
    }
}
