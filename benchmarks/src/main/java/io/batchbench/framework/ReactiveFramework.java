package io.batchbench.framework;

import io.batchbench.workload.insert.ReactiveInserting;
import io.batchbench.workload.job.ReactiveJob;

/**
 * A framework's non-blocking stack, bootstrapped on a pool of its own (reactive drivers do not
 * use JDBC), one object per trial; closing it closes that pool and its event loops.
 */
public interface ReactiveFramework extends AutoCloseable {

    ReactiveJob reactiveJob();

    ReactiveInserting reactiveInserting();

    @Override
    void close();
}
