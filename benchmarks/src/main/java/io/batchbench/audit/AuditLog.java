package io.batchbench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.openjdk.jmh.infra.BenchmarkParams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Where a fork leaves the audit of its benchmark cell: one JSON file per trial in the folder the
 * launcher names with {@code -Dbatchbench.audit}; the launcher merges them into audit.json next
 * to jmh.json. Without the property (a test, a run without the launcher) nothing is written.
 */
public final class AuditLog {

    public static final String PROPERTY = "batchbench.audit";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditLog() {
    }

    /**
     * One audited cell, with its counts per 1,000 rows so cells of different sizes compare.
     * {@code raced}: the cell's counts may differ between runs of one build, because its
     * concurrent units race for their work (who claims which chunk, how many claims come back
     * empty) or their pool opens connections, with its setup queries, as the units ask.
     */
    public record Entry(String benchmark, SortedMap<String, String> params, long rows, long statements,
                        long roundTrips, long commits, double statementsPer1000Rows, double roundTripsPer1000Rows,
                        SortedMap<String, Long> statementsByVerb, boolean raced) {

        public static Entry of(String benchmark, Map<String, String> params, long rows, WireCounts counts) {
            return of(benchmark, params, rows, counts, false);
        }

        public static Entry of(String benchmark, Map<String, String> params, long rows, WireCounts counts,
                               boolean raced) {
            return new Entry(benchmark, new TreeMap<>(params), rows, counts.statements(), counts.roundTrips(),
                    counts.commits(), per1000(counts.statements(), rows), per1000(counts.roundTrips(), rows),
                    counts.byVerb(), raced);
        }

        private static double per1000(long count, long rows) {
            return count * 1000.0 / rows;
        }
    }

    public static void record(BenchmarkParams benchmark, long rows, WireCounts counts) {
        record(benchmark, rows, counts, false);
    }

    /** As {@link #record(BenchmarkParams, long, WireCounts)}, saying whether the cell's counts vary by design ({@link Entry#raced}). */
    public static void record(BenchmarkParams benchmark, long rows, WireCounts counts, boolean raced) {
        String folder = System.getProperty(PROPERTY);
        if (folder == null) {
            return;
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        Entry entry = Entry.of(benchmark.getBenchmark(), params, rows, counts, raced);
        try {
            Path file = Files.createTempFile(Path.of(folder), "cell-", ".json");
            JSON.writeValue(file.toFile(), entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit of " + benchmark.id() + " into " + folder, e);
        }
    }
}
