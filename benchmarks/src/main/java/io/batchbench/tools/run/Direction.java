package io.batchbench.tools.run;

/**
 * Which way is better for a score. JMH's throughput mode reports operations per time unit (higher
 * is better); the time modes report time per operation (lower is better). The unit decides when it
 * says so, the mode otherwise, so a custom unit still gets the right direction.
 */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    public static Direction of(String mode, String unit) {
        if (unit.startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        if (unit.endsWith("/op")) {
            return LOWER_IS_BETTER;
        }
        return "thrpt".equals(mode) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /**
     * How much worse {@code candidate} is than {@code baseline}, as a fraction: 0.2 is 20 % worse,
     * negative is better. For throughput, 20 % worse is a fifth less throughput.
     */
    public double worseBy(double baseline, double candidate) {
        return this == LOWER_IS_BETTER ? candidate / baseline - 1 : 1 - candidate / baseline;
    }

    /** How many times faster {@code cell} is than {@code reference}: above 1 is faster. */
    public double speedUp(double reference, double cell) {
        return this == LOWER_IS_BETTER ? reference / cell : cell / reference;
    }

    public boolean better(double a, double b) {
        return this == LOWER_IS_BETTER ? a < b : a > b;
    }
}
