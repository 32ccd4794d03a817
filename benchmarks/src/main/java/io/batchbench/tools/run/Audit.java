package io.batchbench.tools.run;

/**
 * What one operation of a cell really sent to the server, counted in the untimed audit pass
 * (audit.json). These are exact counts, not measurements: any change is a change in behaviour.
 */
public record Audit(long rows, long statements, long roundTrips, double statementsPer1000Rows,
                    double roundTripsPer1000Rows) {
}
