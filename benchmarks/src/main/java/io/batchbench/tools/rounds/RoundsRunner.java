package io.batchbench.tools.rounds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.batchbench.tools.merge.RunMerger;
import io.batchbench.tools.run.EnvironmentDiff;
import io.batchbench.tools.run.RunLocation;
import io.batchbench.tools.run.RunReader;
import io.batchbench.tools.run.UnusableInputException;

/**
 * Runs a selection as interleaved rounds: each round is one run of the jar with one fork per
 * cell, the cells in an order shuffled anew (seed + round), so that the machine's drift over the
 * hours lands on every cell alike instead of on the differences between them; fork i of every
 * cell comes from round i, so cells can be compared round by round. The rounds are merged into
 * one standard run folder whose env.json says how many rounds it holds. A round that fails, or an
 * interruption, ends the run: the rounds that finished are kept, merged and marked incomplete.
 */
public final class RoundsRunner {

    /** env.json's record of the rounds a run was made of; the report pairs cells round by round when it is there. */
    public static final String ROUNDS = "rounds";
    public static final String INCOMPLETE = "incomplete";

    /**
     * @param completed  rounds that finished and are in the merged run
     * @param incomplete why the run stopped early, or null
     */
    public record Outcome(int completed, int planned, Path out, String incomplete) {
    }

    private final Path jar;
    private final JmhArguments arguments;
    private final Path out;
    private final long seed;
    private final PrintStream console;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<Path> finished = new ArrayList<>();
    private volatile JarRun current;
    private volatile int round;

    public RoundsRunner(Path jar, JmhArguments arguments, Path out, long seed, PrintStream console) {
        if (!Files.isRegularFile(jar)) {
            throw new UnusableInputException(jar + ": no such jar (build it with ./mvnw -B package -DskipTests)");
        }
        this.jar = jar.toAbsolutePath();
        this.arguments = arguments;
        this.out = out;
        this.seed = seed;
        this.console = console;
    }

    /** Runs every round; stops at the first that fails, or when the process is told to stop. */
    public Outcome run() {
        Thread hook = new Thread(this::interrupted, "batchbench-rounds-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (round = 1; round <= arguments.rounds; round++) {
                Path file = out.resolve("rounds").resolve("round-" + round + ".json").toAbsolutePath();
                console.println("rounds: round " + round + " of " + arguments.rounds + " (cell order seed "
                        + (seed + round) + ")");
                current = JarRun.start(jar, arguments.shuffledRound(file.toString(), seed + round), console);
                int exit = current.waitFor();
                if (ended.get()) {
                    return null; // the hook is finishing the run
                }
                if (exit != 0) {
                    return finish("round " + round + " failed with exit code " + exit);
                }
                finished.add(file);
            }
            return finish(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish("interrupted in round " + round);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** From the shutdown hook (Ctrl-C, kill): stop the round under way, keep the rounds that finished. */
    private void interrupted() {
        JarRun running = current;
        if (ended.get()) {
            return;
        }
        try {
            if (running != null) {
                running.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Outcome outcome = finish("interrupted in round " + round);
        if (outcome != null) {
            System.err.println("rounds: " + say(outcome));
        }
    }

    private Outcome finish(String incomplete) {
        if (!ended.compareAndSet(false, true)) {
            return null;
        }
        List<Path> kept = List.copyOf(finished);
        if (!kept.isEmpty()) {
            if (kept.size() == 1) {
                copy(RunLocation.of(kept.getFirst()), RunLocation.folder(out));
            } else {
                RunMerger.merge(kept, RunLocation.folder(out));
            }
            record(kept.size(), incomplete);
        }
        return new Outcome(kept.size(), arguments.rounds, out, incomplete);
    }

    /** One line: what the run holds, and where. */
    public static String say(Outcome outcome) {
        if (outcome.incomplete() == null) {
            return outcome.completed() + " rounds merged into " + outcome.out();
        }
        return outcome.incomplete() + (outcome.completed() == 0 ? "; no round finished, nothing kept"
                : "; kept the " + outcome.completed() + " of " + outcome.planned() + " rounds that finished, merged into "
                + outcome.out() + " (marked incomplete)");
    }

    private void record(int completed, String incomplete) {
        Path env = RunLocation.folder(out).env();
        ObjectNode node = (ObjectNode) RunReader.readJson(env);
        ObjectNode rounds = node.putObject(ROUNDS);
        rounds.put("completed", completed).put("planned", arguments.rounds).put("seed", seed);
        node.put(EnvironmentDiff.CELL_ORDER, "shuffled anew each round: round r with seed " + seed + " + r");
        if (incomplete != null) {
            node.put(INCOMPLETE, incomplete + " after " + completed + " of " + arguments.rounds + " rounds");
        }
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(env.toFile(), node);
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + env + ": " + e.getMessage());
        }
    }

    private static void copy(RunLocation from, RunLocation to) {
        try {
            Files.createDirectories(to.jmh().getParent());
            Files.copy(from.jmh(), to.jmh(), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(from.env(), to.env(), StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(from.audit())) {
                Files.copy(from.audit(), to.audit(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + to.jmh().getParent() + ": " + e.getMessage());
        }
    }
}
