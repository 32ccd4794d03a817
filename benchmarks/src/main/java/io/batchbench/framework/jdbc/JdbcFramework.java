package io.batchbench.framework.jdbc;

import javax.sql.DataSource;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** Plain JDBC through pgjdbc: the reference every framework is compared with. */
public final class JdbcFramework implements Framework {

    private final JdbcPaging paging;
    private final JdbcInserting inserting;
    private final JdbcUpdating updating;
    private final JdbcBatchJob batchJob;
    private final JdbcConcurrentJob concurrentJob;

    public JdbcFramework(DataSource dataSource, FrameworkSettings settings) {
        this.paging = new JdbcPaging(dataSource, settings.cursorFetchSize());
        this.inserting = new JdbcInserting(dataSource);
        this.updating = new JdbcUpdating(dataSource);
        this.batchJob = new JdbcBatchJob(dataSource);
        this.concurrentJob = new JdbcConcurrentJob(dataSource);
    }

    @Override
    public Paging<?> paging() {
        return paging;
    }

    @Override
    public Inserting inserting() {
        return inserting;
    }

    @Override
    public Updating updating() {
        return updating;
    }

    @Override
    public BatchJob batchJob() {
        return batchJob;
    }

    @Override
    public ConcurrentJob concurrentJob() {
        return concurrentJob;
    }

    @Override
    public void close() {
        // Nothing beyond the pool, which belongs to the trial.
    }
}
