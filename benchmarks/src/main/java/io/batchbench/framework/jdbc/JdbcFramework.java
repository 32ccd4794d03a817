package io.batchbench.framework.jdbc;

import javax.sql.DataSource;

import io.batchbench.framework.Framework;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.workload.paging.Paging;

/** Plain JDBC through pgjdbc: the reference every framework is compared with. */
public final class JdbcFramework implements Framework {

    private final JdbcPaging paging;

    public JdbcFramework(DataSource dataSource, FrameworkSettings settings) {
        this.paging = new JdbcPaging(dataSource, settings.cursorFetchSize());
    }

    @Override
    public Paging<?> paging() {
        return paging;
    }

    @Override
    public void close() {
        // Nothing beyond the pool, which belongs to the trial.
    }
}
