package io.batchbench.tools.rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.batchbench.tools.run.CellKey;
import io.batchbench.tools.run.UnusableInputException;

/**
 * The JMH options a user gives {@code rounds} or {@code ab}, taken apart just enough to run them
 * as interleaved single-fork rounds: {@code -f N} becomes N rounds, the result options become the
 * tool's own, and for ab's confirmation run the selection and {@code -p} are replaced by one cell's.
 */
public final class JmhArguments {

    public static final int DEFAULT_ROUNDS = 5;
    /** JMH options that take no value; every other option takes the next argument. */
    private static final Set<String> FLAGS = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");
    /** Options ab sets itself. */
    private static final Set<String> OWNED = Set.of("-f", "-rf", "-rff", "-o");

    private final List<String> options = new ArrayList<>();
    private final List<String> selection = new ArrayList<>();
    private final List<String> params = new ArrayList<>();
    public final int rounds;

    public JmhArguments(List<String> args) {
        int rounds = DEFAULT_ROUNDS;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (FLAGS.contains(arg)) {
                throw new UnusableInputException(arg + " only lists or helps: run it with scripts/bench");
            }
            if (!arg.startsWith("-")) {
                selection.add(arg);
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UnusableInputException("the JMH option " + arg + " needs a value");
            }
            String value = args.get(++i);
            if (arg.equals("-f")) {
                rounds = rounds(value);
            } else if (arg.equals("-p")) {
                params.add(value);
            } else if (!OWNED.contains(arg)) {
                options.add(arg);
                options.add(value);
            }
        }
        if (rounds < 2) {
            throw new UnusableInputException("at least 2 rounds are needed (-f 2 or more): one fork per cell is one sample");
        }
        this.rounds = rounds;
    }

    private static int rounds(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UnusableInputException("-f takes a number of rounds, not \"" + value + "\"");
        }
    }

    /** One round of the whole selection: the user's options, one fork, JSON into {@code resultFile}. */
    public List<String> round(String resultFile) {
        List<String> round = new ArrayList<>(selection);
        params.forEach(p -> round.addAll(List.of("-p", p)));
        return withResult(round, resultFile);
    }

    /**
     * One round of the whole selection with the cells in an order shuffled by {@code seed} (the
     * launcher's {@code --shuffle}, which jars from before it cannot take: ab does not use it).
     */
    public List<String> shuffledRound(String resultFile, long seed) {
        List<String> round = round(resultFile);
        round.addAll(List.of("--shuffle", Long.toString(seed)));
        return round;
    }

    /**
     * One round of one cell, for the confirmation run. The cell is selected by class and method, so
     * that both jars find it even when one has the class in another package.
     */
    public List<String> cell(CellKey key, String resultFile) {
        List<String> round = new ArrayList<>(List.of("(^|\\.)" + Pattern.quote(key.shortName()) + "$"));
        for (Map.Entry<String, String> param : key.params().entrySet()) {
            round.addAll(List.of("-p", param.getKey() + "=" + param.getValue()));
        }
        return withResult(round, resultFile);
    }

    private List<String> withResult(List<String> round, String resultFile) {
        round.addAll(options);
        round.addAll(List.of("-f", "1", "-rf", "json", "-rff", resultFile));
        return round;
    }
}
