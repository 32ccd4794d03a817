package io.batchbench.workload.insert;

import java.util.Properties;

import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;

/**
 * The {@code synchronousCommit} parameter. {@code on} (the default) is a durable commit: it
 * waits for the WAL flush. {@code off} lets the server acknowledge before the flush, for users
 * who accept losing the last transactions in a crash; it is set per connection, so the server's
 * own setting (recorded in env.json) stays what it is, and the jmh.json params say which was measured.
 */
public enum SynchronousCommit implements Labelled {
    ON("on"),
    OFF("off");

    private final String label;

    SynchronousCommit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** pgjdbc connection properties that set it for every connection of the trial. */
    public Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("options", "-c synchronous_commit=" + label());
        return properties;
    }

    public static SynchronousCommit parse(String value) {
        return Params.choice("synchronousCommit", value, SynchronousCommit.class);
    }
}
