package io.batchbench.framework.jooq;

import java.time.Duration;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;
import io.batchbench.workload.job.ReactiveJob;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import reactor.netty.resources.LoopResources;

/**
 * jOOQ's non-blocking stack: the same generated classes on a {@code DSLContext} over an R2DBC
 * {@code ConnectionFactory} (the manual's "R2DBC" section), here r2dbc-postgresql behind
 * r2dbc-pool with {@code pool} connections, all opened up front. The driver's event loops are
 * its own, as many as connections up to the cores, and not colocated: reactor-netty's default
 * colocation puts a connection on the event loop of the thread that asks for it, and a pool
 * that opens its connections from one event loop would put them all on that one. The target's
 * server settings are the driver's {@code options}, sent in each connection's startup message.
 */
public final class JooqReactiveFramework implements ReactiveFramework {

    /** See {@link JooqReactiveInserting}. */
    public static final ReactiveInsertSupport INSERT_SUPPORT = JooqReactiveInserting.SUPPORT;

    private final LoopResources loops;
    private final ConnectionPool pool;
    private final JooqReactiveJob job;
    private final JooqReactiveInserting inserting;

    public JooqReactiveFramework(ReactiveTarget target) {
        int threads = Math.max(1, Math.min(target.poolSize(), Runtime.getRuntime().availableProcessors()));
        this.loops = LoopResources.create("r2dbc-jooq", 1, threads, true, false);
        PostgresqlConnectionConfiguration.Builder connection = PostgresqlConnectionConfiguration.builder()
                .host(target.host())
                .port(target.port())
                .database(target.database())
                .username(target.user())
                .loopResources(loops)
                .options(target.settings());
        if (target.password() != null) {
            connection.password(target.password());
        }
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
                        new PostgresqlConnectionFactory(connection.build()))
                .initialSize(target.poolSize())
                .maxSize(target.poolSize())
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
        DSLContext ctx = DSL.using(pool, SQLDialect.POSTGRES, JooqFramework.SETTINGS);
        this.job = new JooqReactiveJob(ctx);
        this.inserting = new JooqReactiveInserting(ctx);
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
        try {
            pool.disposeLater().block(Duration.ofSeconds(30));
        } finally {
            // No quiet period: every unit has finished by now, and Netty's default 2 s of waiting
            // for late tasks only held up the end of each trial (and of its audit pass).
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(30)).block(Duration.ofSeconds(30));
        }
    }
}
