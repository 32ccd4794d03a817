package io.batchbench.framework.hibernate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;

import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;
import io.batchbench.workload.job.ReactiveJob;

/**
 * Hibernate's non-blocking stack: Hibernate Reactive (Mutiny API) on the same persistence unit as
 * the blocking adapter ({@link OrdersPersistenceUnit}: the same mapping and batch size), booted
 * through its native bootstrap ({@code Configuration} with a {@code ReactiveServiceRegistryBuilder},
 * its documentation's "Obtaining a reactive session factory") and unwrapped to
 * {@code Mutiny.SessionFactory}.
 * Its connections are Hibernate Reactive's own Vert.x pool of {@code pool} connections
 * ({@code hibernate.connection.pool_size}), on its own Vert.x instance, at its defaults otherwise;
 * the target's server settings are parameters of the URL, which Hibernate Reactive hands to the
 * Vert.x client as startup properties.
 */
public final class HibernateReactiveFramework implements ReactiveFramework {

    /** See {@link HibernateReactiveInserting}. */
    public static final ReactiveInsertSupport INSERT_SUPPORT = HibernateReactiveInserting.SUPPORT;

    private final Mutiny.SessionFactory sessionFactory;
    private final HibernateReactiveJob job;
    private final HibernateReactiveInserting inserting;

    public HibernateReactiveFramework(ReactiveTarget target) {
        HibernatePersistenceConfiguration unit = OrdersPersistenceUnit.configuration();
        Map<String, Object> settings = new HashMap<>(unit.properties());
        String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
        if (target.settings().isEmpty()) {
            settings.put(AvailableSettings.JAKARTA_JDBC_URL, url);
            settings.put(AvailableSettings.JAKARTA_JDBC_USER, target.user());
            if (target.password() != null) {
                settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, target.password());
            }
        } else {
            // Hibernate Reactive 3.4 reads the URL's parameters, and hands those it does not know to the
            // Vert.x client as startup properties, only when the user or the password is not set apart
            // (DefaultSqlClientPoolConfiguration): with server settings, the credentials go in the URL too.
            StringJoiner parameters = new StringJoiner("&", "?", "");
            parameters.add("user=" + encoded(target.user()));
            if (target.password() != null) {
                parameters.add("password=" + encoded(target.password()));
            }
            target.settings().forEach((name, value) -> parameters.add(encoded(name) + "=" + encoded(value)));
            settings.put(AvailableSettings.JAKARTA_JDBC_URL, url + parameters);
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
        this.inserting = new HibernateReactiveInserting(sessionFactory);
    }

    // The URL's query is decoded as a URI's: %XX, and no '+' for a space.
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public ReactiveJob reactiveJob() {
        return job;
    }

    @Override
    public ReactiveInserting reactiveInserting() {
        return inserting;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
