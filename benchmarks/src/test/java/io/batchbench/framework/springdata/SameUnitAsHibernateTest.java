package io.batchbench.framework.springdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

import org.hibernate.SessionFactory;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.batchbench.jpa.OrdersPersistenceUnit;

/**
 * The two JPA columns differ by Spring Data, not by configuration: the entity manager factory
 * Spring builds has the entities and the batching, ordering and statistics settings of the one
 * Hibernate builds from the same unit. The one difference is Spring's own: its vendor adapter
 * holds a connection for an entity manager's life instead of releasing it after each transaction,
 * which comes to the same, since Spring's entity managers live for one transaction.
 */
class SameUnitAsHibernateTest {

    private static RelayedSpringData springData;
    private static SessionFactory plainHibernate;

    @BeforeAll
    static void boot() {
        springData = new RelayedSpringData("sameunittest", null, OrdersPersistenceUnit.configuration());
        plainHibernate = OrdersPersistenceUnit.configuration()
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, springData.bean(javax.sql.DataSource.class))
                .createEntityManagerFactory();
    }

    @AfterAll
    static void close() {
        if (plainHibernate != null) {
            plainHibernate.close();
        }
        if (springData != null) {
            springData.close();
        }
    }

    @Test
    void springBootsTheSameEntitiesWithTheSameSettings() {
        SessionFactoryImplementor spring = springData.bean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);
        SessionFactoryOptions springOptions = spring.getSessionFactoryOptions();
        SessionFactoryOptions hibernateOptions = plainHibernate.unwrap(SessionFactoryImplementor.class)
                .getSessionFactoryOptions();

        assertThat(entities(spring)).isEqualTo(entities(plainHibernate)).containsExactlyInAnyOrder("OrderEntity",
                "OrderAmount");
        assertThat(springOptions.getJdbcBatchSize()).isEqualTo(hibernateOptions.getJdbcBatchSize()).isEqualTo(1000);
        assertThat(springOptions.isOrderInsertsEnabled()).isEqualTo(hibernateOptions.isOrderInsertsEnabled()).isTrue();
        assertThat(springOptions.isOrderUpdatesEnabled()).isEqualTo(hibernateOptions.isOrderUpdatesEnabled()).isTrue();
        assertThat(springOptions.isStatisticsEnabled()).isEqualTo(hibernateOptions.isStatisticsEnabled()).isFalse();
        assertThat(springOptions.getPhysicalConnectionHandlingMode())
                .isEqualTo(PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_HOLD);
        assertThat(hibernateOptions.getPhysicalConnectionHandlingMode())
                .isEqualTo(PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION);
    }

    private static Set<String> entities(EntityManagerFactory factory) {
        return factory.getMetamodel().getEntities().stream().map(EntityType::getName).collect(Collectors.toSet());
    }
}
