package io.batchbench.framework.springdata;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.jpa.OrdersPersistenceUnit;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/**
 * Spring Data JPA on Hibernate ORM, bootstrapped without Spring Boot: a plain
 * {@link AnnotationConfigApplicationContext} of {@link SpringDataConfiguration} on the trial's
 * pool, with the persistence unit of the {@code hibernate} adapter. The workloads call the
 * {@link OrderRepository} and run their transactions through the context's
 * {@code JpaTransactionManager}; closing the framework closes the context, not the pool.
 */
public final class SpringDataFramework implements Framework {

    private final AnnotationConfigApplicationContext context;
    private final SpringDataPaging paging;
    private final SpringDataInserting inserting;
    private final SpringDataUpdating updating;
    private final SpringDataBatchJob batchJob;
    private final SpringDataConcurrentJob concurrentJob;

    public SpringDataFramework(DataSource dataSource, FrameworkSettings settings) {
        this.context = context(dataSource, OrdersPersistenceUnit.configuration());
        try {
            OrderRepository orders = context.getBean(OrderRepository.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(
                    context.getBean(EntityManagerFactory.class));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            this.paging = new SpringDataPaging(orders, transactions, entityManager, settings.cursorFetchSize());
            this.inserting = new SpringDataInserting(orders, transactions, entityManager, jdbc);
            this.updating = new SpringDataUpdating(orders, transactions, entityManager, jdbc);
            this.batchJob = new SpringDataBatchJob(orders, transactions);
            this.concurrentJob = new SpringDataConcurrentJob(orders, transactions, jdbc);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * The context on {@code dataSource}, booting {@code persistenceUnit}, with further
     * {@code componentClasses} (a test's own repositories). The pool is registered without a
     * destroy method: Spring would otherwise close it with the context, as it closes any
     * AutoCloseable bean, and the pool is the trial's.
     */
    static AnnotationConfigApplicationContext context(DataSource dataSource,
                                                      HibernatePersistenceConfiguration persistenceUnit,
                                                      Class<?>... componentClasses) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource, definition -> definition.setDestroyMethodName(""));
        context.registerBean(HibernatePersistenceConfiguration.class, () -> persistenceUnit);
        context.register(SpringDataConfiguration.class);
        if (componentClasses.length > 0) {
            context.register(componentClasses);
        }
        context.refresh();
        return context;
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
        context.close();
    }
}
