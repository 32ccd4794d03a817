package io.batchbench.framework.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import io.batchbench.framework.ReactiveFramework;
import io.batchbench.framework.ReactiveTarget;
import io.batchbench.workload.insert.ReactiveInsertSupport;
import io.batchbench.workload.insert.ReactiveInserting;
import io.batchbench.workload.job.ReactiveJob;

/**
 * The non-blocking stack in JDBC's place: the Vert.x PostgreSQL client (no framework, the driver
 * itself, as {@code jdbc} is pgjdbc itself). One Vert.x instance and one pool per trial, as its
 * documentation builds them ({@code PgBuilder.pool()}): {@code poolSize} connections spread over
 * as many event loops as there are (up to {@code poolSize}), so that they are not all served by
 * one thread, prepared statements cached per connection as pgjdbc's are after their fifth use, and
 * pipelining at its default limit (256), which lets {@code executeBatch} send a whole batch in one
 * round trip. The target's server settings go into each connection's startup message as
 * properties of its own.
 */
public final class VertxFramework implements ReactiveFramework {

    /** See {@link VertxInserting}. */
    public static final ReactiveInsertSupport INSERT_SUPPORT = VertxInserting.SUPPORT;

    private final Vertx vertx;
    private final Pool pool;
    private final VertxJob job;
    private final VertxInserting inserting;

    public VertxFramework(ReactiveTarget target) {
        int eventLoops = Math.min(target.poolSize(), VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setDatabase(target.database())
                .setUser(target.user())
                .setCachePreparedStatements(true);
        if (target.password() != null) {
            connect.setPassword(target.password());
        }
        target.settings().forEach(connect::addProperty);
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(target.poolSize()).setEventLoopSize(eventLoops))
                .connectingTo(connect)
                .using(vertx)
                .build();
        this.job = new VertxJob(pool);
        this.inserting = new VertxInserting(pool);
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
            pool.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
