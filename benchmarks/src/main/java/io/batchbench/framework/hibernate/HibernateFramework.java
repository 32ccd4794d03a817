package io.batchbench.framework.hibernate;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** Hibernate ORM with a {@link SessionFactory} on the trial's pool. */
public final class HibernateFramework implements Framework {

    private final SessionFactory sessionFactory;
    private final HibernatePaging paging;
    private final HibernateInserting inserting;
    private final HibernateUpdating updating;
    private final HibernateBatchJob batchJob;
    private final HibernateConcurrentJob concurrentJob;

    public HibernateFramework(DataSource dataSource, FrameworkSettings settings) {
        this.sessionFactory = configuration(dataSource).createEntityManagerFactory();
        this.paging = new HibernatePaging(sessionFactory, settings.cursorFetchSize());
        this.inserting = new HibernateInserting(sessionFactory);
        this.updating = new HibernateUpdating(sessionFactory);
        this.batchJob = new HibernateBatchJob(sessionFactory);
        this.concurrentJob = new HibernateConcurrentJob(sessionFactory);
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
        sessionFactory.close();
    }

    /** The persistence unit both JPA adapters boot ({@link OrdersPersistenceUnit}), on the trial's pool. */
    static HibernatePersistenceConfiguration configuration(DataSource dataSource) {
        return OrdersPersistenceUnit.configuration()
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    }
}
