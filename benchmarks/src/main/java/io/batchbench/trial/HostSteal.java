package io.batchbench.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, and how much of it the hypervisor gave to other guests (steal),
 * from the first line of {@code /proc/stat}, in clock ticks summed over the cores. On a shared
 * VM a fork that ran while the host was busy is slower by far more than its work explains (on
 * the machine of the 2026-12-03 reference, rounds with 10 % steal and more ran 1.5 times as long),
 * so the steal during the measured operations says which forks to distrust. Zero where there is
 * no {@code /proc/stat} (macOS) or no hypervisor that reports it.
 *
 * @param steal ticks stolen (the line's eighth field)
 * @param all   ticks of every kind, idle included: steal ÷ all is the share of the machine's time
 */
record HostSteal(long steal, long all) {

    private static final Path STAT = Path.of("/proc/stat");
    private static final int STEAL_FIELD = 8;

    static final HostSteal NONE = new HostSteal(0, 0);
    /** Whether this machine reports its CPU time at all (Linux): where it does not, steal is unknown, not 0. */
    static final boolean KNOWN = Files.isReadable(STAT);

    static HostSteal now() {
        if (!KNOWN) {
            return NONE;
        }
        try {
            return parse(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}. */
    static HostSteal parse(String line) {
        String[] fields = line.trim().split("\\s+");
        long all = 0;
        // fields[0] is "cpu"; guest and guest_nice (9, 10) are already counted in user and nice
        for (int i = 1; i < Math.min(fields.length, STEAL_FIELD + 1); i++) {
            all += Long.parseLong(fields[i]);
        }
        return new HostSteal(fields.length > STEAL_FIELD ? Long.parseLong(fields[STEAL_FIELD]) : 0, all);
    }

    HostSteal since(HostSteal start) {
        return new HostSteal(steal - start.steal, all - start.all);
    }

    HostSteal plus(HostSteal other) {
        return new HostSteal(steal + other.steal, all + other.all);
    }
}
