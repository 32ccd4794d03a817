package io.batchbench.trial;

import java.util.Locale;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.hibernate.HibernateFramework;
import io.batchbench.framework.jdbc.JdbcFramework;
import io.batchbench.framework.jooq.JooqFramework;
import io.batchbench.framework.mybatis.MyBatisFramework;
import io.batchbench.workload.Params;

/** The frameworks under test, by the name the {@code framework} parameter uses. */
public enum Frameworks {
    JDBC(JdbcFramework::new),
    HIBERNATE(HibernateFramework::new),
    JOOQ(JooqFramework::new),
    MYBATIS(MyBatisFramework::new);

    private final BiFunction<DataSource, FrameworkSettings, Framework> factory;

    Frameworks(BiFunction<DataSource, FrameworkSettings, Framework> factory) {
        this.factory = factory;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Framework open(DataSource dataSource, FrameworkSettings settings) {
        return factory.apply(dataSource, settings);
    }

    public static Frameworks parse(String value) {
        return Params.choice("framework", value, Frameworks.class, Frameworks::label);
    }
}
