package io.batchbench.relay;

import java.util.regex.Pattern;

/**
 * The {@code rtt} parameter every benchmark declares: milliseconds a network adds to each round
 * trip between the benchmark and PostgreSQL. {@code 0} connects directly, as every run did before
 * the parameter existed; any other value routes the trial's connections through a {@link Relay}
 * that holds each chunk of bytes for half of it in each direction. The rule lives here, once: a
 * plain decimal number of milliseconds from 0 to {@value #MAX_MILLIS}.
 *
 * @param millis the nominal round-trip time the relay adds, in milliseconds
 */
public record Rtt(double millis) {

    /** Beyond a second a round trip is no longer a network latency but a misunderstanding (seconds for milliseconds). */
    public static final int MAX_MILLIS = 1000;

    /** The direct connection: no relay. */
    public static final Rtt DIRECT = new Rtt(0);

    // Digits only: Double.parseDouble would also take "1e3", "0x1p3", "NaN" and "2f", none of which belongs in a cell's name.
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

    public Rtt {
        if (!(millis >= 0 && millis <= MAX_MILLIS)) {
            throw new IllegalArgumentException(rule(String.valueOf(millis)));
        }
    }

    /** The value of an {@code rtt} parameter; throws IllegalArgumentException with one line saying what is valid. */
    public static Rtt parse(String value) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException(rule(value));
        }
        double millis = Double.parseDouble(value);
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException(rule(value));
        }
        return new Rtt(millis);
    }

    public boolean direct() {
        return millis == 0;
    }

    /** What the relay holds each chunk for in each direction: half the round trip. */
    public long oneWayNanos() {
        return Math.round(millis * 500_000);
    }

    private static String rule(String value) {
        return "rtt must be a round-trip time in milliseconds from 0 (connect directly) to " + MAX_MILLIS
                + ", such as 0.5; got '" + value + "'";
    }
}
