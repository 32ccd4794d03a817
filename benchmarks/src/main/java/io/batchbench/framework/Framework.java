package io.batchbench.framework;

import io.batchbench.workload.paging.Paging;

/**
 * One data-access framework, bootstrapped on a trial's connection pool. It implements every
 * workload interface in its own documented idiom; closing it releases what it built (a session
 * factory, caches), not the pool.
 */
public interface Framework extends AutoCloseable {

    Paging<?> paging();

    @Override
    void close();
}
