package io.batchbench.framework;

import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/**
 * One data-access framework, bootstrapped on a trial's connection pool. It implements every
 * workload interface in its own documented idiom; closing it releases what it built (a session
 * factory, caches), not the pool.
 */
public interface Framework extends AutoCloseable {

    Paging<?> paging();

    Inserting inserting();

    Updating updating();

    BatchJob batchJob();

    /** The batch job for concurrent units: safe to call from several threads at once, a connection per unit. */
    ConcurrentJob concurrentJob();

    @Override
    void close();
}
