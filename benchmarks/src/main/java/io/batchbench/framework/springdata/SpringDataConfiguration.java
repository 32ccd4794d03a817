package io.batchbench.framework.springdata;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The application context a Spring user without Spring Boot writes (Spring Data JPA's "Spring
 * Java configuration" and Spring Framework's "JPA" chapters): an entity manager factory from
 * {@code LocalContainerEntityManagerFactoryBean} with Hibernate's vendor adapter, a
 * {@code JpaTransactionManager}, the repositories of this package from
 * {@code @EnableJpaRepositories}, and a {@code JdbcTemplate} for the jobs Spring's users hand to
 * JDBC (COPY, a JDBC batch of unread rows), which joins the JPA transaction on its connection.
 *
 * <p>The persistence unit is the Hibernate adapter's, {@link io.batchbench.jpa.OrdersPersistenceUnit}, handed
 * over whole ({@code setPersistenceConfiguration}, Spring 7): the same classes and properties.
 * Hibernate's vendor adapter adds two of Spring's own: connections held for the entity manager's
 * life (released at the end of each transaction, as Spring's entity managers live for one) and
 * Spring's bean container for Hibernate's extensions (none here).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = SpringDataConfiguration.class)
class SpringDataConfiguration {

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
                                                                HibernatePersistenceConfiguration persistenceUnit) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceConfiguration(persistenceUnit);
        factory.setDataSource(dataSource);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        return factory;
    }

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }
}
