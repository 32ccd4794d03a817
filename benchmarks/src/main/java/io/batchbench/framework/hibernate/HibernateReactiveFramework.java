package io.batchbench.framework.hibernate;

import java.util.HashMap;
import java.util.Map;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;

import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.job.ReactiveJob;

/**
 * Hibernate's non-blocking stack: Hibernate Reactive (Mutiny API) on the same persistence unit as
 * the blocking adapter ({@link OrdersPersistenceUnit}: the same mapping and batch size), booted
 * through its native bootstrap ({@code Configuration} with a {@code ReactiveServiceRegistryBuilder},
 * its documentation's "Obtaining a reactive session factory") and unwrapped to
 * {@code Mutiny.SessionFactory}.
 * Its connections are Hibernate Reactive's own Vert.x pool of {@code pool} connections
 * ({@code hibernate.connection.pool_size}), on its own Vert.x instance, at its defaults otherwise.
 */
public final class HibernateReactiveFramework implements ReactiveFramework {

    private final Mutiny.SessionFactory sessionFactory;
    private final HibernateReactiveJob job;

    public HibernateReactiveFramework(ReactiveTarget target) {
        HibernatePersistenceConfiguration unit = OrdersPersistenceUnit.configuration();
        Map<String, Object> settings = new HashMap<>(unit.properties());
        settings.put(AvailableSettings.JAKARTA_JDBC_URL,
                "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database());
        settings.put(AvailableSettings.JAKARTA_JDBC_USER, target.user());
        if (target.password() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, target.password());
        }
        settings.put(AvailableSettings.POOL_SIZE, target.poolSize());
        // Hibernate Reactive 3.4's JPA provider does not take a PersistenceConfiguration yet (HR000076):
        // the unit's classes and settings go through its native bootstrap instead, the one its
        // documentation shows beside persistence.xml.
        Configuration configuration = new Configuration();
        unit.managedClasses().forEach(configuration::addAnnotatedClass);
        this.sessionFactory = configuration.buildSessionFactory(new ReactiveServiceRegistryBuilder()
                        .applySettings(settings).build())
                .unwrap(Mutiny.SessionFactory.class);
        this.job = new HibernateReactiveJob(sessionFactory);
    }

    @Override
    public ReactiveJob reactiveJob() {
        return job;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
