package io.batchbench.trial;

import java.util.function.BiFunction;

import javax.sql.DataSource;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.hibernate.HibernateFramework;
import io.batchbench.framework.jdbc.JdbcFramework;
import io.batchbench.framework.jooq.JooqFramework;
import io.batchbench.framework.mybatis.MyBatisFramework;
import io.batchbench.framework.springdata.SpringDataFramework;
import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;
import io.batchbench.workload.insert.InsertLimit;

/**
 * The frameworks under test, by the name the {@code framework} parameter uses: the one place that
 * knows every adapter. The first is the reference the reports compare the others with.
 */
public enum Frameworks implements Labelled {
    JDBC("jdbc", JdbcFramework::new, InsertLimit.NONE),
    HIBERNATE("hibernate", HibernateFramework::new, InsertLimit.NONE),
    SPRINGDATA("springdata", SpringDataFramework::new, InsertLimit.NONE),
    JOOQ("jooq", JooqFramework::new, JooqFramework.INSERT_LIMIT),
    MYBATIS("mybatis", MyBatisFramework::new, InsertLimit.NONE);

    private final String label;
    private final BiFunction<DataSource, FrameworkSettings, Framework> factory;
    private final InsertLimit insertLimit;

    Frameworks(String label, BiFunction<DataSource, FrameworkSettings, Framework> factory, InsertLimit insertLimit) {
        this.label = label;
        this.factory = factory;
        this.insertLimit = insertLimit;
    }

    @Override
    public String label() {
        return label;
    }

    public Framework open(DataSource dataSource, FrameworkSettings settings) {
        return factory.apply(dataSource, settings);
    }

    /** What this framework's idiom cannot insert; see {@link InsertLimit}. */
    public InsertLimit insertLimit() {
        return insertLimit;
    }

    public static Frameworks parse(String value) {
        return Params.choice("framework", value, Frameworks.class);
    }
}
