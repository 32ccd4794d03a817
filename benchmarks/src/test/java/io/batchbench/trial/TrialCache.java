package io.batchbench.trial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.data.Datasets;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.relay.Rtt;
import io.batchbench.workload.Chunks;

/**
 * Trials shared by the cells of one test class, one per framework, dataset size and driver
 * settings, because bootstrapping a framework on a fresh clone for every cell would make the
 * write tests slow; each cell resets the table it uses. Closing drops everything the run id made.
 */
public final class TrialCache implements AutoCloseable {

    private final String runId;
    private final Map<String, Trial> trials = new LinkedHashMap<>();

    public TrialCache(String runId) {
        this.runId = runId;
    }

    public Trial get(Frameworks framework, long rows, Properties driverProperties) {
        return trials.computeIfAbsent(framework + "/" + rows + "/" + driverProperties, key -> Trial.open(
                new ServerHandoff(runId, TestServers.embedded()), framework, rows,
                new FrameworkSettings(Chunks.MAX_ROWS), driverProperties));
    }

    /** A trial whose pool holds {@code poolSize} connections, for concurrent units. */
    public Trial get(Frameworks framework, long rows, Properties driverProperties, int poolSize) {
        return trials.computeIfAbsent(framework + "/" + rows + "/" + driverProperties + "/pool" + poolSize,
                key -> Trial.open(new ServerHandoff(runId, TestServers.embedded()), framework, rows,
                        new FrameworkSettings(Chunks.MAX_ROWS), driverProperties, Rtt.DIRECT, poolSize));
    }

    public Trial get(Frameworks framework, long rows) {
        return get(framework, rows, new Properties());
    }

    @Override
    public void close() {
        try {
            trials.values().forEach(Trial::close);
        } finally {
            new Datasets(TestServers.embedded(), runId).dropAll();
        }
    }
}
