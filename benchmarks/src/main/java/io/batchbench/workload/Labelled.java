package io.batchbench.workload;

/**
 * A constant that is a value of a {@code @Param}: its label is how the command line, jmh.json and
 * the reports spell it. Written out per constant, never derived from the constant's Java name, so
 * renaming a constant cannot rename a published cell.
 */
public interface Labelled {

    String label();
}
