package io.batchbench.trial;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.sql.DataSource;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.framework.hibernate.HibernateFramework;
import io.batchbench.framework.hibernate.HibernateReactiveFramework;
import io.batchbench.framework.jdbc.JdbcFramework;
import io.batchbench.framework.jooq.JooqFramework;
import io.batchbench.framework.jooq.JooqReactiveFramework;
import io.batchbench.framework.mybatis.MyBatisFramework;
import io.batchbench.framework.springdata.SpringDataFramework;
import io.batchbench.framework.vertx.VertxFramework;
import io.batchbench.workload.Labelled;
import io.batchbench.workload.Params;
import io.batchbench.workload.insert.InsertLimit;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.insert.ReactiveInsertSupport;

/**
 * The frameworks under test, by the name the {@code framework} parameter uses: the one place that
 * knows every adapter. The first is the reference the reports compare the others with.
 */
public enum Frameworks implements Labelled {
    JDBC("jdbc", JdbcFramework::new, InsertLimit.NONE,
            Reactive.stack(VertxFramework::new, VertxFramework.INSERT_SUPPORT)),
    HIBERNATE("hibernate", HibernateFramework::new, InsertLimit.NONE,
            Reactive.stack(HibernateReactiveFramework::new, HibernateReactiveFramework.INSERT_SUPPORT)),
    SPRINGDATA("springdata", SpringDataFramework::new, InsertLimit.NONE,
            Reactive.none("Spring Data JPA has no non-blocking API: JPA blocks on JDBC, and Spring Data's reactive"
                    + " repositories are Spring Data R2DBC, another framework without JPA's entity state")),
    JOOQ("jooq", JooqFramework::new, JooqFramework.INSERT_LIMIT,
            Reactive.stack(JooqReactiveFramework::new, JooqReactiveFramework.INSERT_SUPPORT)),
    MYBATIS("mybatis", MyBatisFramework::new, InsertLimit.NONE,
            Reactive.none("MyBatis has no non-blocking API: its SqlSession blocks on a JDBC connection"));

    /** A framework's non-blocking stack and the insert strategies it has an idiom for, or why it has none here. */
    private record Reactive(Function<ReactiveTarget, ReactiveFramework> factory, ReactiveInsertSupport inserts,
                            String none) {

        static Reactive stack(Function<ReactiveTarget, ReactiveFramework> factory, ReactiveInsertSupport inserts) {
            return new Reactive(factory, inserts, null);
        }

        static Reactive none(String why) {
            return new Reactive(null, strategy -> Optional.of(why), why);
        }
    }

    private final String label;
    private final BiFunction<DataSource, FrameworkSettings, Framework> factory;
    private final InsertLimit insertLimit;
    private final Reactive reactive;

    Frameworks(String label, BiFunction<DataSource, FrameworkSettings, Framework> factory, InsertLimit insertLimit,
               Reactive reactive) {
        this.label = label;
        this.factory = factory;
        this.insertLimit = insertLimit;
        this.reactive = reactive;
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

    /** Why this framework has no non-blocking stack in the matrix, or empty when it has one. */
    public Optional<String> noReactiveStack() {
        return Optional.ofNullable(reactive.none());
    }

    /**
     * Why this framework has no non-blocking insert with {@code strategy}: it has no stack, or its
     * stack has no idiom for the strategy; empty when it has one.
     */
    public Optional<String> noReactiveInsert(InsertStrategy strategy) {
        return reactive.inserts().unsupported(strategy);
    }

    /** Its non-blocking stack on {@code target}; throws if it has none ({@link #noReactiveStack()}). */
    public ReactiveFramework openReactive(ReactiveTarget target) {
        if (reactive.factory() == null) {
            throw new IllegalStateException(label + " has no non-blocking stack: " + reactive.none());
        }
        return reactive.factory().apply(target);
    }

    public static Frameworks parse(String value) {
        return Params.choice("framework", value, Frameworks.class);
    }
}
