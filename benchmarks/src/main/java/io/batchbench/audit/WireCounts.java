package io.batchbench.audit;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What went over the wire during one operation.
 *
 * @param roundTrips times the client waited for the server and spoke again
 * @param byVerb     statements the server was asked to execute, by first keyword (INSERT, COPY,
 *                   SELECT, BEGIN, COMMIT, ...)
 */
public record WireCounts(long roundTrips, SortedMap<String, Long> byVerb) {

    /** The verb of an empty query: the pool's liveness check of a connection. */
    static final String LIVENESS_CHECK = "EMPTY";

    /** Transaction control and the pool's empty liveness query: not part of the work itself. */
    private static final Set<String> CONTROL = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT",
            "RELEASE", LIVENESS_CHECK);

    public WireCounts {
        byVerb = new TreeMap<>(byVerb);
    }

    /** Statements that do the work: everything but transaction control. */
    public long statements() {
        return byVerb.entrySet().stream().filter(e -> !CONTROL.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    public long count(String verb) {
        return byVerb.getOrDefault(verb, 0L);
    }

    public long commits() {
        return count("COMMIT");
    }
}
