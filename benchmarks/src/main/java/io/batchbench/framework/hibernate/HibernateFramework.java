package io.batchbench.framework.hibernate;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.Chunks;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** Hibernate ORM with a {@link SessionFactory} on the trial's pool. */
public final class HibernateFramework implements Framework {

    private final SessionFactory sessionFactory;
    private final HibernatePaging paging;
    private final HibernateInserting inserting;
    private final HibernateUpdating updating;
    private final HibernateBatchJob batchJob;

    public HibernateFramework(DataSource dataSource, FrameworkSettings settings) {
        this.sessionFactory = configuration(dataSource).createEntityManagerFactory();
        this.paging = new HibernatePaging(sessionFactory, settings.cursorFetchSize());
        this.inserting = new HibernateInserting(sessionFactory);
        this.updating = new HibernateUpdating(sessionFactory);
        this.batchJob = new HibernateBatchJob(sessionFactory);
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
    public void close() {
        sessionFactory.close();
    }

    // No hibernate.dialect: Hibernate picks PostgreSQLDialect, for the server's version, from the
    // connection's metadata, and warns (HHH90000025) when the setting is given.
    static HibernatePersistenceConfiguration configuration(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("batchbench")
                .managedClass(OrderEntity.class)
                .managedClass(OrderAmount.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // A mapping that no longer matches schema.sql fails the trial at boot.
                .schemaToolingAction(Action.VALIDATE)
                // The batching the documentation asks for: a flush of one chunk is one JDBC batch
                // (StatelessSession ignores the setting since Hibernate 7, and batches only
                // through insertMultiple/updateMultiple or its own setJdbcBatchSize), and
                // statements are grouped by entity and ordered by id so batches are not cut short.
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, Chunks.MAX_ROWS)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                // Set explicitly: hibernate.* system properties would otherwise switch them on
                // and add logging or counting to the measured time.
                .showSql(false, false, false)
                .property(AvailableSettings.GENERATE_STATISTICS, false);
    }
}
