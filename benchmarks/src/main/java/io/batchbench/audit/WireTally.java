package io.batchbench.audit;

import java.util.Map;
import java.util.TreeMap;

/** The counts of one relay, over all its connections. */
final class WireTally {

    private final Map<String, Long> statements = new TreeMap<>();
    private long roundTrips;

    synchronized void roundTrip() {
        roundTrips++;
    }

    synchronized void statement(String verb) {
        statements.merge(verb, 1L, Long::sum);
    }

    synchronized void reset() {
        statements.clear();
        roundTrips = 0;
    }

    synchronized WireCounts counts() {
        return new WireCounts(roundTrips, new TreeMap<>(statements));
    }
}
