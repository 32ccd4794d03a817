package io.batchbench.trial;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, and how much of it the hypervisor gave to other guests (steal),
 * from the first line of {@code /proc/stat}, in clock ticks summed over the cores. On a shared
 * VM a fork that ran while the host was busy is slower by far more than its work explains (on
 * the machine of the 2026-12-03 reference, rounds with 10 % steal and more ran 1.5 times as long),
 * so the steal during the measured operations says which forks to distrust. Zero where no
 * hypervisor reports it; unknown where there is no {@code /proc/stat} (macOS).
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

    HostSteal since(HostSteal start) {
        return new HostSteal(steal - start.steal, all - start.all);
    }

    HostSteal plus(HostSteal other) {
        return new HostSteal(steal + other.steal, all + other.all);
    }

    /**
     * {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice} at the start of
     * {@code bytes}. Guest time (fields 9, 10) is already counted in user and nice, so it is left out.
     */
    static HostSteal parse(byte[] bytes, int length) {
        long all = 0;
        long steal = 0;
        int field = 0;
        int i = 0;
        while (i < length && bytes[i] != '\n' && field <= STEAL_FIELD) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                i++;
                continue;
            }
            long value = 0;
            while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
                value = value * 10 + (bytes[i++] - '0');
            }
            field++;
            if (field <= STEAL_FIELD) {
                all += value;
            }
            if (field == STEAL_FIELD) {
                steal = value;
            }
        }
        return new HostSteal(steal, all);
    }

    /**
     * Reads {@code /proc/stat} again and again through one open file and one buffer: it runs in the
     * work meter's fixtures, inside the iteration whose allocation {@code -prof gc} divides by the
     * operations, so it must allocate next to nothing (a {@code Files.readAllLines} of the whole
     * file, its long {@code intr} line included, was tens of kilobytes per operation).
     */
    static final class Reader implements AutoCloseable {

        private final byte[] buffer = new byte[256];
        private final RandomAccessFile file;

        Reader() {
            RandomAccessFile opened = null;
            try {
                opened = KNOWN ? new RandomAccessFile(STAT.toFile(), "r") : null;
            } catch (IOException e) {
                // unreadable after all: the steal is unknown
            }
            this.file = opened;
        }

        boolean known() {
            return file != null;
        }

        HostSteal now() {
            if (file == null) {
                return NONE;
            }
            try {
                file.seek(0); // procfs makes the file anew for every read from the start
                int length = file.read(buffer);
                return length > 0 ? parse(buffer, length) : NONE;
            } catch (IOException e) {
                return NONE;
            }
        }

        @Override
        public void close() {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // nothing was written
                }
            }
        }
    }
}
