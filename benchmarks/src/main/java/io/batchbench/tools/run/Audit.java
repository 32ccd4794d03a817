package io.batchbench.tools.run;

/**
 * What one operation of a cell really sent to the server, counted in the untimed audit pass
 * (audit.json). These are exact counts, not measurements: any change is a change in behaviour,
 * except in a cell whose concurrent units race for their work ({@code raced}), where who claims
 * which chunk, and how many claims come back empty, vary from run to run.
 */
public record Audit(long rows, long statements, long roundTrips, double statementsPer1000Rows,
                    double roundTripsPer1000Rows, boolean raced) {

    public Audit(long rows, long statements, long roundTrips, double statementsPer1000Rows,
                 double roundTripsPer1000Rows) {
        this(rows, statements, roundTrips, statementsPer1000Rows, roundTripsPer1000Rows, false);
    }
}
