package io.batchbench.framework.jooq;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.insert.InsertLimit;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** jOOQ with its generated classes, on a {@link DSLContext} that borrows connections from the trial's pool. */
public final class JooqFramework implements Framework {

    /**
     * jOOQ's defaults except execute logging, which the manual presents as a development aid: while it
     * is on, every query runs through a LoggerListener and a StopWatchListener even when DEBUG is off.
     */
    static final Settings SETTINGS = new Settings().withExecuteLogging(false);

    /** jOOQ's Loader commits only after whole Loader batches; see {@link JooqInserting}. */
    public static final InsertLimit INSERT_LIMIT = JooqInserting.LOADER_LIMIT;

    private final JooqPaging paging;
    private final JooqInserting inserting;
    private final JooqUpdating updating;
    private final JooqBatchJob batchJob;
    private final JooqConcurrentJob concurrentJob;

    public JooqFramework(DataSource dataSource, FrameworkSettings settings) {
        DSLContext ctx = DSL.using(dataSource, SQLDialect.POSTGRES, SETTINGS);
        this.paging = new JooqPaging(ctx, settings.cursorFetchSize());
        this.inserting = new JooqInserting(ctx);
        this.updating = new JooqUpdating(ctx);
        this.batchJob = new JooqBatchJob(ctx);
        this.concurrentJob = new JooqConcurrentJob(ctx);
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
        // A DSLContext on a DataSource holds no connection between queries, and the pool belongs to the trial.
    }
}
