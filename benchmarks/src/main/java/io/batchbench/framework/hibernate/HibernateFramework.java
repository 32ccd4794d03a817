package io.batchbench.framework.hibernate;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** Hibernate ORM with a {@link SessionFactory} on the trial's pool. */
public final class HibernateFramework implements Framework {

    private final SessionFactory sessionFactory;
    private final HibernatePaging paging;

    public HibernateFramework(DataSource dataSource, FrameworkSettings settings) {
        this.sessionFactory = sessionFactory(dataSource);
        this.paging = new HibernatePaging(sessionFactory, settings.cursorFetchSize());
    }

    @Override
    public Paging<?> paging() {
        return paging;
    }

    @Override
    public Inserting inserting() {
        throw new UnsupportedOperationException("TODO inserting");
    }

    @Override
    public Updating updating() {
        throw new UnsupportedOperationException("TODO updating");
    }

    @Override
    public BatchJob batchJob() {
        throw new UnsupportedOperationException("TODO batchJob");
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    // No hibernate.dialect: Hibernate picks PostgreSQLDialect, for the server's version, from the
    // connection's metadata, and warns (HHH90000025) when the setting is given.
    private static SessionFactory sessionFactory(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("batchbench")
                .managedClass(OrderEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // A mapping that no longer matches schema.sql fails the trial at boot.
                .schemaToolingAction(Action.VALIDATE)
                // Set explicitly: hibernate.* system properties would otherwise switch them on
                // and add logging or counting to the measured time.
                .showSql(false, false, false)
                .property(AvailableSettings.GENERATE_STATISTICS, false)
                .createEntityManagerFactory();
    }
}
