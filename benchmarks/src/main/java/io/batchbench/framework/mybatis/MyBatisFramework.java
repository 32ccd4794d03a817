package io.batchbench.framework.mybatis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.insert.Inserting;
import io.batchbench.workload.job.BatchJob;
import io.batchbench.workload.job.ConcurrentJob;
import io.batchbench.workload.paging.Paging;
import io.batchbench.workload.update.Updating;

/** MyBatis with XML mappers, configured in Java on the trial's pool, transactions through plain JDBC. */
public final class MyBatisFramework implements Framework {

    private static final String MAPPER = "io/batchbench/framework/mybatis/OrderMapper.xml";

    private final MyBatisPaging paging;
    private final MyBatisInserting inserting;
    private final MyBatisUpdating updating;
    private final MyBatisBatchJob batchJob;
    private final MyBatisConcurrentJob concurrentJob;

    public MyBatisFramework(DataSource dataSource, FrameworkSettings settings) {
        SqlSessionFactory sessions = sessionFactory(dataSource, settings);
        this.paging = new MyBatisPaging(sessions);
        this.inserting = new MyBatisInserting(sessions);
        this.updating = new MyBatisUpdating(sessions);
        this.batchJob = new MyBatisBatchJob(sessions);
        this.concurrentJob = new MyBatisConcurrentJob(sessions);
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
        // The session factory holds no connections; the pool belongs to the trial.
    }

    private static SqlSessionFactory sessionFactory(DataSource dataSource, FrameworkSettings settings) {
        Configuration configuration = new Configuration(
                new Environment("batchbench", new JdbcTransactionFactory(), dataSource));
        // The default SESSION scope keeps every page a session has read until it closes: a full
        // scan would hold the whole table without ever hitting the cache, as no page is read twice.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        // One-line SQL, as the JDBC reference sends it, so statement audits read the same.
        configuration.setShrinkWhitespacesInSql(true);
        // Read by the mapper's fetchSize attribute while it is parsed, so it must be set first.
        configuration.getVariables().setProperty("cursorFetchSize", Integer.toString(settings.cursorFetchSize()));
        try (InputStream mapper = Resources.getResourceAsStream(MAPPER)) {
            new XMLMapperBuilder(mapper, configuration, MAPPER, configuration.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MyBatis mapper " + MAPPER, e);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
